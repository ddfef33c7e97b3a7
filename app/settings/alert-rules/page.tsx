import type { Metadata } from "next";
import { requirePerson } from "@/server/http/page-access";
import { AlertRulesPage } from "@/components/settings/alert-rules-page";

export const metadata: Metadata = { title: "Alert rules" };

// Who is signed in is read per request; `next build` must never run it.
export const dynamic = "force-dynamic";

export default async function AlertRules() {
  await requirePerson();
  return <AlertRulesPage />;
}
