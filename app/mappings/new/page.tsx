import type { Metadata } from "next";
import { NewMappingPage } from "@/components/mappings/new-mapping-page";

export const metadata: Metadata = { title: "New mapping" };

export default function NewMapping() {
  return <NewMappingPage />;
}
