import type { Metadata } from "next";
import { requirePerson } from "@/server/http/page-access";
import { WebhooksPage } from "@/components/settings/webhooks-page";

export const metadata: Metadata = { title: "Webhooks" };

// Who is signed in is read per request; `next build` must never run it.
export const dynamic = "force-dynamic";

export default async function Webhooks() {
  await requirePerson();
  return <WebhooksPage />;
}
