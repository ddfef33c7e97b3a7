import { auditQueries, RECENT_CHANGES_QUERY } from "@/lib/api/audit";
import { unmappedQueries, URGENT_NEW_QUERY } from "@/lib/api/unmapped";
import { DASHBOARD_RUNS, statsQueries } from "@/lib/api/stats";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getRuntime } from "@/server/runtime";
import { requirePerson } from "@/server/http/page-access";
import { DashboardPage } from "@/components/dashboard/dashboard-page";

// Reads the database through the runtime on every request; `next build` must never run it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dashboard" };

/** First paint with every figure: stats and trends, the most urgent new markets, recent changes. */
export default async function Dashboard() {
  await requirePerson();
  const client = new QueryClient();
  const runtime = () => getRuntime();
  // A failed prefetch is left out of the cache; the browser then fetches it and can show the error.
  await Promise.all([
    client.prefetchQuery({ ...statsQueries.get(DASHBOARD_RUNS), queryFn: () => runtime().stats.get(DASHBOARD_RUNS) }),
    client.prefetchQuery({ ...unmappedQueries.list(URGENT_NEW_QUERY), queryFn: () => runtime().triage.list(URGENT_NEW_QUERY) }),
    client.prefetchQuery({ ...auditQueries.list(RECENT_CHANGES_QUERY), queryFn: () => runtime().audit.list(RECENT_CHANGES_QUERY) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <DashboardPage />
    </HydrationBoundary>
  );
}
