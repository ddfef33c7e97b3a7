import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { DASHBOARD_RUNS, mappingKeys } from "@/lib/mappings-client";
import { queryKeys } from "@/lib/query-keys";
import { getRuntime } from "@/server/runtime";
import { DashboardPage } from "@/components/dashboard/dashboard-page";
import { PRIORITY_QUERY, RECENT_QUERY } from "@/components/dashboard/queries";

// Reads the database through the runtime on every request; `next build` must never run it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dashboard" };

/** First paint with every figure: stats and trends, the most urgent new markets, recent changes. */
export default async function Dashboard() {
  const client = new QueryClient();
  const runtime = () => getRuntime();
  // A failed prefetch is left out of the cache; the browser then fetches it and can show the error.
  await Promise.all([
    client.prefetchQuery({ queryKey: mappingKeys.stats(DASHBOARD_RUNS), queryFn: () => runtime().stats.get(DASHBOARD_RUNS) }),
    client.prefetchQuery({ queryKey: queryKeys.unmappedList(PRIORITY_QUERY), queryFn: () => runtime().triage.list(PRIORITY_QUERY) }),
    client.prefetchQuery({ queryKey: mappingKeys.auditList(RECENT_QUERY), queryFn: () => runtime().audit.list(RECENT_QUERY) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <DashboardPage />
    </HydrationBoundary>
  );
}
