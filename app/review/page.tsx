import { unmappedQueries } from "@/lib/api/unmapped";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { REVIEW_QUERY } from "@/components/review/queue-model";
import { getRuntime } from "@/server/runtime";
import { requirePerson } from "@/server/http/page-access";
import { ReviewPage } from "@/components/review/components/review-page";

// Reads the database through the runtime on every request; `next build` must never run it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Review queue" };

/** First paint with the queue and its first market's detail and candidates. */
export default async function Review() {
  await requirePerson();
  const client = new QueryClient();
  const runtime = () => getRuntime();
  // A failed prefetch is left out of the cache; the browser then fetches it and can show the error.
  await client.prefetchQuery({ ...unmappedQueries.list(REVIEW_QUERY), queryFn: () => runtime().triage.list(REVIEW_QUERY) });
  const first = client.getQueryData(unmappedQueries.list(REVIEW_QUERY).queryKey)?.items[0];
  if (first) {
    await Promise.all([
      client.prefetchQuery({ ...unmappedQueries.detail(first.id), queryFn: () => runtime().triage.get(first.id) }),
      client.prefetchQuery({ ...unmappedQueries.candidates(first.id), queryFn: () => runtime().candidates.forMarket(first.id) }),
    ]);
  }
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <ReviewPage />
    </HydrationBoundary>
  );
}
