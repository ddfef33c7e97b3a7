// The unmapped list's cursor (what its key holds, which filters bind it) and its CSV export's query
// and columns: the list's paging beyond page numbers, beside the list's own contract (unmapped.ts).
import { z } from "zod";
import type { KeyKind, Keyset } from "./cursor";
import { PLATFORMS, REASONS, STATUSES } from "./enums";
import { unmappedFilterShape, unmappedSortShape, type UnmappedListQuery } from "./unmapped";

/** GET /api/unmapped/export.csv: the list's filters and sort, every matching market (no paging). */
export const unmappedExportQuerySchema = z.object({ ...unmappedFilterShape, ...unmappedSortShape }).strict();
export type UnmappedExportQuery = z.infer<typeof unmappedExportQuerySchema>;

/** The export's header row, in column order. */
export const UNMAPPED_CSV_COLUMNS = [
  "id",
  "platform",
  "external_id",
  "name",
  "status",
  "reason",
  "lines",
  "occurrence_count",
  "first_seen_at",
  "last_seen_at",
  "assignee",
  "notes",
  "priority",
] as const;

/** What each sort's key is, in a cursor (then the id). */
const UNMAPPED_SORT_KEY: Record<UnmappedListQuery["sort"], KeyKind> = {
  occurrenceCount: "int",
  lastSeenAt: "timestamp",
  firstSeenAt: "timestamp",
  priority: "float",
  name: "text",
  source: PLATFORMS,
  reason: REASONS,
  status: STATUSES,
};

/** The list's filters as a cursor binds them: sets sorted, `assignee=me` as the person it meant. */
function unmappedFilterKey(q: Pick<UnmappedListQuery, keyof typeof unmappedFilterShape>, userId: string | null) {
  return {
    source: q.source?.length ? [...new Set(q.source)].sort() : undefined,
    status: q.status?.length ? [...new Set(q.status)].sort() : undefined,
    reason: q.reason,
    minOccurrences: q.minOccurrences,
    q: q.q || undefined,
    assignee: q.assignee === "me" ? `me:${userId ?? ""}` : q.assignee,
    escalating: q.escalating,
  };
}

export const unmappedKeyset = (q: Omit<UnmappedListQuery, "page" | "pageSize">, userId: string | null): Keyset => ({
  sort: `${q.sort}:${q.order}`,
  filters: unmappedFilterKey(q, userId),
  kinds: [UNMAPPED_SORT_KEY[q.sort], "int"],
});
