import { unmappedQueries } from "@/lib/api/unmapped";
import { keys } from "@/lib/api/keys";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { marketOr404 } from "../load-market";
import { getRuntime } from "@/server/runtime";
import { requirePerson } from "@/server/http/page-access";
import { MapMarketPage } from "@/components/mappings/map/map-market-page";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePerson();
  const { id, market } = await marketOr404((await params).id);
  return { title: market ? `Map ${market.marketName}` : `Map market #${id}` };
}

/** The mapping editor, first painted with the market and its candidates. */
export default async function MapPage({ params }: { params: Params }) {
  await requirePerson();
  const { id, market } = await marketOr404((await params).id);
  const client = new QueryClient();
  if (market) {
    client.setQueryData(keys.unmapped.detail(id), market);
    if (market.status !== "MAPPED") {
      await client.prefetchQuery({ ...unmappedQueries.candidates(id), queryFn: () => getRuntime().candidates.forMarket(id) });
    }
  }
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <MapMarketPage id={id} />
    </HydrationBoundary>
  );
}
