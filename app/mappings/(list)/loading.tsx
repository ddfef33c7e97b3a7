import { ListLoading } from "@/components/data-table/list-page";

export default function Loading() {
  return <ListLoading label="Loading mappings" titleWidth="10rem" />;
}
