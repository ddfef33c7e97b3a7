import type { Metadata } from "next";
import { UsersPage } from "@/components/settings/users-page";

export const metadata: Metadata = { title: "People" };

export default function Users() {
  return <UsersPage />;
}
