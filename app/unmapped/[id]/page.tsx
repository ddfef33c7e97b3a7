import { keys } from "@/lib/api/keys";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { idParamSchema } from "@/lib/contract/common";
import { isHttpError } from "@/server/http/errors";
import { getRuntime } from "@/server/runtime";
import { requirePerson } from "@/server/http/page-access";
import { MarketDetailPage } from "@/components/unmapped/detail/market-detail-page";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

const load = cache((id: number) => getRuntime().triage.get(id));

async function marketOr404(rawId: string) {
  const id = idParamSchema.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return { id: id.data, market: await load(id.data) };
  } catch (e) {
    if (isHttpError(e) && e.status === 404) notFound();
    // Anything else: render without data and let the browser fetch, show the error and retry.
    return { id: id.data, market: undefined };
  }
}

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
