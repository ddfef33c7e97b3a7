// The review queue's pure parts: which market is shown, which comes next, and which candidates get
// a number. Kept apart from React so they are tested on their own (queue-model.test.ts).
import type { Candidates } from "@/lib/contract/mappings";
import { PAGE_SIZE_MAX } from "@/lib/contract/common";
import type { UnmappedListQuery } from "@/lib/contract/unmapped";

/** Markets the queue reads at a time. */
const REVIEW_PAGE = 50;

/** The queue: NEW markets, most urgent first (the list's priority, computed in SQL). */
export const REVIEW_QUERY: UnmappedListQuery = { status: ["NEW"], sort: "priority", order: "desc", page: 1, pageSize: REVIEW_PAGE };

/** How many markets not skipped are left in the page when the queue reads a larger one. */
const READ_AHEAD = 10;

/**
 * The queue's list once `skipped` markets were skipped in this tab. A skipped market stays NEW and
 * keeps its place near the top of the list, so the page grows by a page whenever the skipped come
 * within READ_AHEAD of filling it: the larger page arrives while the last ones are on screen. (A
 * decided market leaves NEW, and the list, at its next refresh.) At most the list's largest page,
 * 200: with that many skipped the queue ends, and a reload starts it over.
 */
export function reviewQuery(skipped: number): UnmappedListQuery {
  const pages = 1 + Math.floor((skipped + READ_AHEAD) / REVIEW_PAGE);
  return { ...REVIEW_QUERY, pageSize: Math.min(PAGE_SIZE_MAX, pages * REVIEW_PAGE) };
}

/** Keys 1-9: at most nine numbered candidates. */
export const MAX_NUMBERED = 9;

export type MappingCandidate = Candidates["mappings"][number];
export type MarketCandidate = Candidates["markets"][number];

/**
 * The candidates a key accepts: mappings that do not already name another market of this platform
 * (accepting one extends it), best first, at most nine.
 */
export function numberedCandidates(candidates: Candidates | undefined): MappingCandidate[] {
  if (!candidates) return [];
  return candidates.mappings
    .filter((c) => !c.occupied)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_NUMBERED);
}

export interface QueueState {
  /** Ids of the list page, in its order. */
  ids: number[];
  /** Skipped with space in this session: out of the queue until the page is reloaded. */
  skipped: ReadonlySet<number>;
  /** Decided here (mapped, ignored): out of the queue at once, before the list is fetched again. */
  decided: ReadonlySet<number>;
  /** The market on screen: it stays there while the list refreshes and reorders around it. */
  pinned: number | null;
}

const open = (s: QueueState, id: number) => !s.skipped.has(id) && !s.decided.has(id);

/** The market to show and the one after it (prefetched), or null when the queue is done. */
export function queuePosition(s: QueueState): { current: number | null; next: number | null; remaining: number } {
  const queue = s.ids.filter((id) => open(s, id));
  const current = s.pinned !== null && open(s, s.pinned) ? s.pinned : (queue[0] ?? null);
  const next = queue.find((id) => id !== current) ?? null;
  const remaining = queue.length + (current !== null && !queue.includes(current) ? 1 : 0);
  return { current, next, remaining };
}
