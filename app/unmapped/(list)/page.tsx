import { unmappedQueries } from "@/lib/api/unmapped";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { listQuery, loadUnmappedView, mineCountQuery, STATUS_TABS, tabCountQuery } from "@/lib/url-state/unmapped-view";
import { getRuntime } from "@/server/runtime";
import { requirePerson } from "@/server/http/page-access";
import { UnmappedListPage } from "@/components/unmapped/list/unmapped-list-page";

// Reads the database through the runtime on every request; `next build` must never run it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Unmapped markets" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Renders the first paint on the server: the page of rows and the tab counts (Assigned to me too), one query each. */
export default async function UnmappedPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePerson();
  const view = await loadUnmappedView(searchParams);
  const client = new QueryClient();
  const queries = [listQuery(view), ...STATUS_TABS.map((tab) => tabCountQuery(view, tab)), mineCountQuery(view)];
  // assignee=me is whoever asks: the same person the browser's requests will be.
  const viewer = { userId: principal.userId };
  // A failed prefetch is left out of the cache; the browser then fetches it and can show the error.
  await Promise.all(
    queries.map((query) =>
      client.prefetchQuery({ ...unmappedQueries.list(query), queryFn: () => getRuntime().triage.list(query, viewer) }),
    ),
  );
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <UnmappedListPage />
    </HydrationBoundary>
  );
}
