"use client";
// Keeps server state fresh from realtime events: an alert or a reconnect invalidates the cached
// markets (lists, tab counts, details), which refetch in place. Bursts of alerts during a long run
// (one per flush) are coalesced so a run does not turn into a storm of refetches.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { queryKeys } from "@/lib/query-keys";
import { useRealtimeMessage, useRealtimeResync } from "./use-realtime";

const COALESCE_MS = 1000;

function throttledInvalidate(client: QueryClient) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const run = () => void client.invalidateQueries({ queryKey: queryKeys.unmapped });
  const trigger = () => {
    if (timer) {
      pending = true;
      return;
    }
    run();
    timer = setTimeout(function flush() {
      if (pending) {
        pending = false;
        run();
        timer = setTimeout(flush, COALESCE_MS);
      } else timer = undefined;
    }, COALESCE_MS);
  };
  return { trigger, cancel: () => clearTimeout(timer) };
}

export function RealtimeSync() {
  const client = useQueryClient();
  const invalidate = useMemo(() => throttledInvalidate(client), [client]);
  useEffect(() => invalidate.cancel, [invalidate]);

  useRealtimeMessage("unmapped_alert", invalidate.trigger);
  useRealtimeResync(() => {
    void client.invalidateQueries({ queryKey: queryKeys.unmapped });
    void client.invalidateQueries({ queryKey: queryKeys.scrape });
  });
  return null;
}
