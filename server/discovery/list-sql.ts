// The SQL behind GET /api/unmapped, built from the validated query. Two statements run side by side:
//
// Rows. Page 1 is a plain ordered LIMIT: every sort has an index on (col, id) and on
// (status, col, id), so it reads pageSize index entries. A deeper page would make OFFSET fetch and
// throw away every earlier row from the heap (page 1,000 took about 7 s at 1,000,000 markets), so
// it is a deferred join instead: the page's ids come from an index-only scan of the same index
// (the skipped entries cost an index tuple each, no heap visit), then only those rows are read.
// The rows, their order and their ties (broken by id) are exactly the OFFSET query's.
//
// Total. Filters on source, status and reason only: the sum of the matching market_counts rows
// (kept exact by triggers), so no row is counted. Any other filter (q, minOccurrences) needs the
// rows themselves: they are counted up to TOTAL_CAP + 1 and a total past the cap is reported as
// TOTAL_CAP with totalCapped, so a search over a million markets never counts a million rows.
import { TOTAL_CAP } from "@/lib/contract/common";
import type { UnmappedListQuery } from "@/lib/contract/unmapped";

export const SORT_COLUMN: Record<UnmappedListQuery["sort"], string> = {
  occurrenceCount: "occurrence_count",
  lastSeenAt: "last_seen_at",
  firstSeenAt: "first_seen_at",
  // priority_raw = ln(1+count) + epochDays(lastSeen); ordering by it equals ordering by the
  // displayed score (which only subtracts the constant epochDays(now)), and it is indexed.
  priority: "priority_raw",
  // Enums sort in their declared order (sportybet, bet9ja; NEW, ACKNOWLEDGED, MAPPED, IGNORED).
  name: "market_name",
  source: "source",
  reason: "reason",
  status: "status",
};

export const ITEM_COLUMNS = `id, source, external_market_id, market_name, reason, status, occurrence_count,
  first_seen_at, last_seen_at, regressed_at,
  priority_raw - extract(epoch FROM now())::float8 / 86400.0 AS priority_score`;

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ListSql {
  rows: string;
  /** One row `{ n }`: the exact total, or the count up to TOTAL_CAP + 1. */
  total: string;
  params: unknown[];
  /** The filters as a WHERE clause on unmapped_markets ("" for none), over the same params. */
  where: string;
  /** Whether `total` reads rows and may pass the cap. */
  capped: boolean;
}

export function listSql(q: UnmappedListQuery): ListSql {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  // The counters have the same three columns, so these conditions apply to both tables. Typed
  // parameters (not text cast to the enum, whose input function is only stable) keep them plain
  // comparisons the planner can match to the (status, col, id) indexes.
  if (q.source) add((p) => `source = ${p}::"Platform"`, q.source);
  if (q.status?.length === 1) add((p) => `status = ${p}::"TriageStatus"`, q.status[0]);
  // An array literal: PGlite serialises a JS array only for array types it knows, not enum arrays.
  // The values are validated enum labels, so the literal needs no quoting.
  else if (q.status?.length) add((p) => `status = ANY(${p}::"TriageStatus"[])`, `{${q.status.join(",")}}`);
  if (q.reason) add((p) => `reason = ${p}::"UnmappedReason"`, q.reason);
  const countedWhere = where.length ? `WHERE ${where.join(" AND ")}` : "";
  if (q.minOccurrences !== undefined) add((p) => `occurrence_count >= ${p}`, q.minOccurrences);
  if (q.q) add((p) => `(market_name ILIKE ${p} OR external_market_id ILIKE ${p})`, likePattern(q.q));
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const capped = whereSql !== countedWhere;

  const dir = q.order === "asc" ? "ASC" : "DESC";
  const order = `ORDER BY ${SORT_COLUMN[q.sort]} ${dir}, id ${dir}`;
  const offset = (q.page - 1) * q.pageSize;
  const rows =
    offset === 0
      ? `SELECT ${ITEM_COLUMNS} FROM unmapped_markets ${whereSql} ${order} LIMIT ${q.pageSize}`
      : `SELECT ${ITEM_COLUMNS} FROM unmapped_markets
         JOIN (SELECT id FROM unmapped_markets ${whereSql} ${order} LIMIT ${q.pageSize} OFFSET ${offset}) page USING (id)
         ${order}`;
  const total = capped
    ? `SELECT count(*)::int AS n FROM (SELECT 1 FROM unmapped_markets ${whereSql} LIMIT ${TOTAL_CAP + 1}) matching`
    : `SELECT COALESCE(sum(n), 0)::int8 AS n FROM market_counts ${countedWhere}`;
  return { rows, total, params, where: whereSql, capped };
}

/** The page's total from the total statement's value. */
export function totalOf(sql: ListSql, n: number): { total: number; totalCapped: boolean } {
  if (sql.capped && n > TOTAL_CAP) return { total: TOTAL_CAP, totalCapped: true };
  return { total: n, totalCapped: false };
}
