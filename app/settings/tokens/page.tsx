import type { Metadata } from "next";
import { requirePerson } from "@/server/http/page-access";
import { TokensPage } from "@/components/settings/tokens-page";

export const metadata: Metadata = { title: "API tokens" };

// Who is signed in is read per request; `next build` must never run it.
export const dynamic = "force-dynamic";

export default async function Tokens() {
  await requirePerson();
  return <TokensPage />;
}
