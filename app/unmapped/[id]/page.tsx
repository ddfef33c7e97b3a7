import { keys } from "@/lib/api/keys";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { marketOr404 } from "./load-market";
import { requirePerson } from "@/server/http/page-access";
import { MarketDetailPage } from "@/components/unmapped/detail/market-detail-page";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePerson();
  const { id, market } = await marketOr404((await params).id);
  return { title: market ? market.marketName : `Market #${id}` };
}

export default async function MarketPage({ params }: { params: Params }) {
  await requirePerson();
  const { id, market } = await marketOr404((await params).id);
  const client = new QueryClient();
  if (market) client.setQueryData(keys.unmapped.detail(id), market);
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <MarketDetailPage id={id} />
    </HydrationBoundary>
  );
}
