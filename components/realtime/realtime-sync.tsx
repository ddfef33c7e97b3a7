"use client";
// Keeps server state fresh from realtime events, through the one invalidation table
// (./invalidation.ts): stale queries refetch in place.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { coalescingInvalidator, INVALIDATION } from "./invalidation";
import { useRealtimeMessage, useRealtimeResync } from "./use-realtime";

export function RealtimeSync() {
  const client = useQueryClient();
  const invalidator = useMemo(() => coalescingInvalidator(client), [client]);
  useEffect(() => invalidator.cancel, [invalidator]);

  useRealtimeMessage("unmapped_alert", (m) => invalidator.add(INVALIDATION.unmapped_alert(m)));
  useRealtimeMessage("scrape_progress", (m) => invalidator.add(INVALIDATION.scrape_progress(m)));
  useRealtimeMessage("unmapped_updated", (m) => invalidator.add(INVALIDATION.unmapped_updated(m)));
  useRealtimeMessage("unmapped_bulk_updated", (m) => invalidator.add(INVALIDATION.unmapped_bulk_updated(m)));
  useRealtimeResync(() => invalidator.add(INVALIDATION.resync(null)));
  return null;
}
