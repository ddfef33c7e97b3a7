// Every query a realtime message makes stale, in one table, and the one place that applies it.
// Bursts (an alert per flush during a long run) are coalesced: the first message of a burst
// refreshes at once, later ones at most once per COALESCE_MS, so a run never turns into a storm
// of refetches.
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { keys } from "@/lib/api/keys";
import type { ServerMessage } from "@/lib/contract/realtime";

/** What makes queries stale: each server message type, and a reconnect (messages may have been missed). */
export type Staleness = { [T in "unmapped_alert" | "scrape_progress"]: ServerMessage<T> } & { resync: null };

export const INVALIDATION: { [E in keyof Staleness]: (event: Staleness[E]) => readonly QueryKey[] } = {
  // New or reopened markets: lists, tab counts and details; the dashboard's counts and changes.
  unmapped_alert: () => [keys.unmapped.all, keys.stats.all, keys.audit.all],
  // A finished run: its own record, every market it sighted (not only the announced ones), coverage and trends.
  scrape_progress: ({ data }) =>
    data.phase === "completed" || data.phase === "failed"
      ? [keys.scrape.run(data.runId), keys.unmapped.all, keys.stats.all, keys.audit.all]
      : [],
  resync: () => [keys.unmapped.all, keys.scrape.all, keys.stats.all, keys.audit.all],
};

const COALESCE_MS = 1000;

/** Invalidates keys now, or, inside a burst, once the current window ends. */
export function coalescingInvalidator(client: QueryClient, windowMs = COALESCE_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Map<string, QueryKey>();
  const invalidate = (all: Iterable<QueryKey>) => {
    for (const queryKey of all) void client.invalidateQueries({ queryKey });
  };
  const flush = () => {
    if (pending.size === 0) {
      timer = undefined;
      return;
    }
    const due = [...pending.values()];
    pending.clear();
    invalidate(due);
    timer = setTimeout(flush, windowMs);
  };
  return {
    add(queryKeys: readonly QueryKey[]) {
      if (queryKeys.length === 0) return;
      if (timer === undefined) {
        invalidate(queryKeys);
        timer = setTimeout(flush, windowMs);
        return;
      }
      for (const k of queryKeys) pending.set(JSON.stringify(k), k);
    },
    cancel: () => clearTimeout(timer),
  };
}
