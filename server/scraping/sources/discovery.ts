// What SportyBet and Bet9ja discovery have in common: one events request per tournament (group),
// a few at a time, each failure reported and survived; then the upcoming events, soonest first.
import pMap from "p-map";
import { SourceError } from "../errors";
import { abortReason } from "../http/clock";
import type { DiscoveredEvent, DiscoveryReport } from "../types";

export interface ListTask {
  /** Names the tournament or group in errors, e.g. "tournament sr:tournament:17". */
  label: string;
  fetch(signal: AbortSignal): Promise<DiscoveredEvent[]>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Runs every list request with at most `concurrency` at once (so the HTTP client's queue stays
 * short), reporting progress as each finishes. Throws only when there were lists and every one
 * failed: then the bookmaker is down in all but its tree, and the run should say the source failed.
 */
export async function fetchLists(
  tasks: readonly ListTask[],
  concurrency: number,
  signal: AbortSignal,
  report?: DiscoveryReport,
): Promise<DiscoveredEvent[]> {
  const found: DiscoveredEvent[] = [];
  let done = 0;
  let failed = 0;
  let firstError = "";
  report?.progress(0, tasks.length);
  await pMap(
    tasks,
    async (task) => {
      if (signal.aborted) throw abortReason(signal);
      try {
        found.push(...(await task.fetch(signal)));
      } catch (e) {
        if (signal.aborted) throw abortReason(signal);
        failed++;
        const text = `${task.label}: ${message(e)}`;
        firstError ||= text;
        report?.error(text);
      }
      done++;
      report?.progress(done, tasks.length);
    },
    { concurrency: Math.max(1, concurrency) },
  );
  if (tasks.length > 0 && failed === tasks.length) {
    throw new SourceError("api", `all ${tasks.length} event lists failed; first: ${firstError}`);
  }
  return found;
}

/**
 * Events that have not kicked off by `now`, each once (a match listed in two tournaments is one
 * event), soonest first; `limit` > 0 keeps only that many.
 */
export function upcoming(events: readonly DiscoveredEvent[], now: number, limit: number): DiscoveredEvent[] {
  const byRef = new Map<string, DiscoveredEvent>();
  for (const e of events) {
    if (e.startsAt.getTime() > now && !byRef.has(e.ref)) byRef.set(e.ref, e);
  }
  const sorted = [...byRef.values()].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
  );
  return limit > 0 ? sorted.slice(0, limit) : sorted;
}
