import { mappingQueries } from "@/lib/api/mappings";
import { HISTORY_FIRST_PAGE } from "@/lib/api/audit";
import { keys } from "@/lib/api/keys";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { cache } from "react";
import { slugSchema } from "@/lib/contract/mappings";
import { getRuntime } from "@/server/runtime";
import { loadOr404 } from "@/app/_lib/load-or-404";
import { requirePerson } from "@/server/http/page-access";
import { MappingDetailPage } from "@/components/mappings/mapping-detail-page";

export const dynamic = "force-dynamic";

type Params = Promise<{ canonicalId: string }>;

const load = cache((canonicalId: string) => getRuntime().mappings.get(canonicalId));

async function mappingOr404(raw: string) {
  const { id, data } = await loadOr404(slugSchema, decodeURIComponent(raw), load);
  return { canonicalId: id, mapping: data };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePerson();
  const { canonicalId, mapping } = await mappingOr404((await params).canonicalId);
  return { title: mapping ? `${mapping.name} · Mappings` : `Mapping ${canonicalId}` };
}

export default async function MappingPage({ params }: { params: Params }) {
  await requirePerson();
  const { canonicalId, mapping } = await mappingOr404((await params).canonicalId);
  const client = new QueryClient();
  if (mapping) client.setQueryData(keys.mappings.detail(canonicalId), mapping);
  await client.prefetchQuery({
    ...mappingQueries.history(canonicalId, HISTORY_FIRST_PAGE),
    queryFn: () => getRuntime().audit.list({ ...HISTORY_FIRST_PAGE, entityType: "mapping", entityId: canonicalId }),
  });
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <MappingDetailPage canonicalId={canonicalId} />
    </HydrationBoundary>
  );
}
