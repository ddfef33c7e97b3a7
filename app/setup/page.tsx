import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pageAccess } from "@/server/http/page-access";
import { SetupForm } from "@/components/auth/setup-form";

// Whether the first admin exists is read per request; `next build` must never run it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Create the admin account" };

export default async function Setup() {
  const access = await pageAccess();
  // Only the very first account is made here; after that people are invited by an admin.
  if (!access.needsAdmin) redirect(access.principal ? "/unmapped" : "/sign-in");
  return <SetupForm />;
}
