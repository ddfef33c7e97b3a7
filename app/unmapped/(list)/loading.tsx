import { ListLoading } from "@/components/data-table/list-page";

export default function Loading() {
  return <ListLoading label="Loading markets" titleWidth="14rem" />;
}
