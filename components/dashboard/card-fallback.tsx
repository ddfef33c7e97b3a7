"use client";
// What a dashboard card shows before its list is there: the query's error with a retry, or two
// skeleton lines while it loads. One place, so every card fails and waits the same way.
import type { UseQueryResult } from "@tanstack/react-query";
import { QueryErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";

export function CardFallback({ query, what }: { query: UseQueryResult<unknown>; what: string }) {
  if (query.isError) return <QueryErrorState title={`Could not load the ${what}`} query={query} />;
  return (
    <div aria-busy="true" aria-label={`Loading the ${what}`}>
      <Skeleton width="70%" />
      <Skeleton width="50%" />
    </div>
  );
}
