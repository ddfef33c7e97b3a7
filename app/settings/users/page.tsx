import type { Metadata } from "next";
import { requirePerson } from "@/server/http/page-access";
import { UsersPage } from "@/components/settings/users-page";

export const metadata: Metadata = { title: "People" };

// Who is signed in is read per request; `next build` must never run it.
export const dynamic = "force-dynamic";

export default async function Users() {
  await requirePerson();
  return <UsersPage />;
}
