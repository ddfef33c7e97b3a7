"use client";
// The queue on screen: the NEW markets by priority (one list query, refreshed by realtime events like
// every list, and read further as markets are skipped), minus those skipped or decided in this tab;
// the market shown stays pinned while the list reorders around it. The next market's detail and
// candidates are prefetched, so moving on shows it at once.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { unmappedQueries } from "@/lib/api/unmapped";
import { queuePosition, reviewQuery } from "../queue-model";

const add = (set: ReadonlySet<number>, id: number) => new Set(set).add(id);
const without = (set: ReadonlySet<number>, id: number) => {
  const next = new Set(set);
  next.delete(id);
  return next;
};

export function useReviewQueue() {
  const client = useQueryClient();
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(new Set());
  // The page grows with the skips (reviewQuery); the markets on screen stay while it loads.
  const list = useQuery({ ...unmappedQueries.list(reviewQuery(skipped.size)), placeholderData: keepPreviousData });
  const [decided, setDecided] = useState<ReadonlySet<number>>(new Set());
  const [pinned, setPinned] = useState<number | null>(null);
  const ids = useMemo(() => (list.data?.items ?? []).map((i) => i.id), [list.data]);
  const { current, next, remaining } = queuePosition({ ids, skipped, decided, pinned });

  // Pin whatever is shown, so a refresh that reorders the list does not swap it under the reader
  // (set while rendering, React's way to adjust state to what a render derived).
  if (current !== pinned) setPinned(current);

  useEffect(() => {
    for (const id of [current, next]) {
      if (id === null) continue;
      void client.prefetchQuery(unmappedQueries.detail(id));
      void client.prefetchQuery(unmappedQueries.candidates(id));
    }
  }, [client, current, next]);

  const item = list.data?.items.find((i) => i.id === current) ?? null;
  return {
    list,
    current,
    next,
    /** The list item of the market shown (null when it came back by an undo from beyond the page). */
    item,
    remaining,
    skippedCount: skipped.size,
    total: list.data?.total ?? 0,
    skip: useCallback((id: number) => setSkipped((s) => add(s, id)), []),
    /** Mapped or ignored here: it leaves the queue now. */
    decide: useCallback((id: number) => setDecided((s) => add(s, id)), []),
    /** Its decision undone: back in the queue, and shown again. */
    restore: useCallback((id: number) => {
      setDecided((s) => without(s, id));
      setSkipped((s) => without(s, id));
      setPinned(id);
    }, []),
  };
}
