import { mappingQueries } from "@/lib/api/mappings";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { loadMappingsView, mappingsQuery } from "@/lib/url-state/mappings-view";
import { getRuntime } from "@/server/runtime";
import { requirePerson } from "@/server/http/page-access";
import { MappingsListPage } from "@/components/mappings/mappings-list-page";

// Reads the database through the runtime on every request; `next build` must never run it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Mappings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MappingsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePerson();
  const query = mappingsQuery(await loadMappingsView(searchParams));
  const client = new QueryClient();
  // A failed prefetch is left out of the cache; the browser then fetches it and can show the error.
  await client.prefetchQuery({ ...mappingQueries.list(query), queryFn: () => getRuntime().mappings.list(query) });
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <MappingsListPage />
    </HydrationBoundary>
  );
}
