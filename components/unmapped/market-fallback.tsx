// What a market page shows while its market is not there: the skeleton, "does not exist" (404)
// with the way back to the list, or the error with Retry. The detail page and the map editor agree.
import type { ComponentProps, ReactNode } from "react";
import { DetailFallback } from "@/components/ui/detail-states";

export function MarketFallback({
  id,
  query,
  skeleton,
  listHref,
}: {
  id: number;
  query: ComponentProps<typeof DetailFallback>["query"];
  skeleton: ReactNode;
  listHref: string;
}) {
  return (
    <DetailFallback
      query={query}
      skeleton={skeleton}
      errorTitle="The market could not be loaded"
      notFound={{
        title: "This market does not exist",
        href: listHref,
        action: "Back to the list",
        children: <p>Market #{id} is not in the database. The link may be wrong, or the database was reset.</p>,
      }}
    />
  );
}
