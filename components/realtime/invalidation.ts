// Every query a realtime message makes stale, in one table, and the one place that applies it.
// Bursts (an alert per flush during a long run) are coalesced: the first message of a burst
// refreshes at once, later ones at most once per COALESCE_MS, so a run never turns into a storm
// of refetches.
import type { InvalidateQueryFilters, QueryClient } from "@tanstack/react-query";
import { keys } from "@/lib/api/keys";
import type { ServerMessage } from "@/lib/contract/realtime";
import type { UnmappedDetail } from "@/lib/contract/unmapped";

/** What makes queries stale: each server message type, and a reconnect (messages may have been missed). */
export type Staleness = {
  [T in "unmapped_alert" | "scrape_progress" | "unmapped_updated" | "unmapped_bulk_updated"]: ServerMessage<T>;
} & { resync: null };

export const INVALIDATION: { [E in keyof Staleness]: (event: Staleness[E]) => readonly InvalidateQueryFilters[] } = {
  // New or reopened markets: lists, tab counts and details; the dashboard's counts and changes,
  // and its rules' latest firings (the toast is a rule's notification).
  unmapped_alert: () => [
    { queryKey: keys.unmapped.all },
    { queryKey: keys.views.all },
    { queryKey: keys.stats.all },
    { queryKey: keys.audit.all },
    { queryKey: keys.alertRules.firings },
  ],
  // A finished run: its own record, every market it sighted (not only the announced ones), coverage
  // and trends, and the rules its announcements fired (webhook and chat ones send no toast).
  scrape_progress: ({ data }) =>
    data.phase === "completed" || data.phase === "failed"
      ? [
          { queryKey: keys.scrape.run(data.runId) },
          { queryKey: keys.unmapped.all },
          { queryKey: keys.stats.all },
          { queryKey: keys.audit.all },
          { queryKey: keys.alertRules.firings },
        ]
      : [],
  // Someone changed a market's status or notes: its page (unless it already shows that version,
  // e.g. the change was made here), its history, every list and count, the dashboard.
  unmapped_updated: ({ data }) => [
    {
      queryKey: keys.unmapped.detail(data.id),
      predicate: (q) => ((q.state.data as UnmappedDetail | undefined)?.version ?? -1) < data.version,
    },
    { queryKey: keys.unmapped.historyOf(data.id) },
    { queryKey: keys.unmapped.lists },
    { queryKey: keys.stats.all },
    { queryKey: keys.audit.all },
  ],
  // A bulk change or an undo (one message for up to 10,000 markets, naming at most 200): every
  // market query, whatever it holds, and the saved views' counts.
  unmapped_bulk_updated: () => [
    { queryKey: keys.unmapped.all },
    { queryKey: keys.views.all },
    { queryKey: keys.stats.all },
    { queryKey: keys.audit.all },
  ],
  resync: () => [
    { queryKey: keys.unmapped.all },
    { queryKey: keys.scrape.all },
    { queryKey: keys.stats.all },
    { queryKey: keys.audit.all },
  ],
};

const COALESCE_MS = 1000;

/** Invalidates now, or, inside a burst, once the current window ends. */
export function coalescingInvalidator(client: QueryClient, windowMs = COALESCE_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Map<string, InvalidateQueryFilters>();
  const invalidate = (all: Iterable<InvalidateQueryFilters>) => {
    for (const filters of all) void client.invalidateQueries(filters);
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
    add(filters: readonly InvalidateQueryFilters[]) {
      if (filters.length === 0) return;
      if (timer === undefined) {
        invalidate(filters);
        timer = setTimeout(flush, windowMs);
        return;
      }
      // The latest filters for a key win (a newer version, say).
      for (const f of filters) pending.set(JSON.stringify(f.queryKey), f);
    },
    cancel: () => clearTimeout(timer),
  };
}
