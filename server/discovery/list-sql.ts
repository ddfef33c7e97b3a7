// The SQL behind GET /api/unmapped, built from the validated query: one statement (`page`) that
// returns the rows with the counters' total, one round trip and one pooled connection per request
// (a total that must count rows is a statement of its own; see Total). Its two parts:
//
// Rows. Page 1 is a plain ordered LIMIT: each sort by a market's figures, dates or name has an index
// on (status, col, id) (platform, reason and status have one on (col, id)), so it reads pageSize
// index entries. A list of several statuses (or of all of them) is the union of one such
// walk per status, which the planner merges in order (Merge Append), reading about pageSize
// entries in all: so the table needs no second (col, id) index per sort, and every index fewer is
// one index entry fewer per changed market in every flush and triage change (on PGlite a bulk
// change of 10,000 markets wrote about 40 ms per index). A deeper page would make OFFSET fetch and
// throw away every earlier row from the heap (page 1,000 took about 7 s at 1,000,000 markets), so
// it is a deferred join instead: the page's ids come from an index-only scan of the same indexes
// (the skipped entries cost an index tuple each, no heap visit), then only those rows are read.
// The rows, their order and their ties (broken by id) are exactly the OFFSET query's.
//
// Total. Filters on source, status and reason only: the sum of the matching market_counts rows
// (kept exact by triggers), so no row is counted, in the page's own statement. Any other filter
// (q, minOccurrences) needs the rows themselves: they are counted up to TOTAL_CAP + 1 and a total
// past the cap is reported as TOTAL_CAP with totalCapped, so a search over a million markets never
// counts a million rows. That count is a statement of its own (`total`), which identical requests at
// the same time share (shared-reads.ts); the page then carries no total.
// The counters have no assignee or escalation dimension, so those filters take the capped path too.
//
// Per item, the assignee's name is a scalar subquery on users' primary key and the trend (with
// trendRuns) a LATERAL over the page's rows and the last n finished runs: both run for the page's
// rows only, in the same statement, never one query per item.
import { TOTAL_CAP } from "@/lib/contract/common";
import { STATUSES, type TriageStatus } from "@/lib/contract/enums";
import type { UnmappedListQuery } from "@/lib/contract/unmapped";
import { afterKey, rowWindow, type Paging } from "@/server/http/cursor";

export const SORT_COLUMN: Record<UnmappedListQuery["sort"], string> = {
  occurrenceCount: "occurrence_count",
  lastSeenAt: "last_seen_at",
  firstSeenAt: "first_seen_at",
  // priority_raw = ln(1+count) + epochDays(lastSeen) + kickoff term (priority-sql.ts); ordering by it
  // equals ordering by the displayed score (which only subtracts the constant epochDays(now)), and it is indexed.
  priority: "priority_raw",
  // Enums sort in their declared order (sportybet, bet9ja; NEW, ACKNOWLEDGED, MAPPED, IGNORED).
  name: "market_name",
  source: "source",
  reason: "reason",
  status: "status",
};

/** Each sort column's type, for the cursor's key as a typed parameter (a plain comparison the indexes match). */
const SORT_TYPE: Record<UnmappedListQuery["sort"], string> = {
  occurrenceCount: "int",
  lastSeenAt: "timestamptz",
  firstSeenAt: "timestamptz",
  priority: "float8",
  name: "text",
  source: '"Platform"',
  reason: '"UnmappedReason"',
  status: '"TriageStatus"',
};

/**
 * The sorts with a (status, col, id) index, whose lists of several statuses are merged per status.
 * The others (platform, reason, status) have one (col, id) index each: the rows read it in order and
 * skip the statuses not asked for.
 */
const BY_STATUS_INDEXED = new Set<UnmappedListQuery["sort"]>(["occurrenceCount", "lastSeenAt", "firstSeenAt", "priority", "name"]);

/**
 * A timestamp as the API writes it (ISO 8601 UTC with milliseconds, as Date#toISOString): made by
 * the database, so the server does not parse a Date from text only to print it again (three per row).
 */
const isoText = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const ITEM_COLUMNS = `id, source, external_market_id, market_name, reason, status, occurrence_count,
  ${isoText("first_seen_at")} AS first_seen_at, ${isoText("last_seen_at")} AS last_seen_at, ${isoText("regressed_at")} AS regressed_at,
  ${isoText("next_kickoff_at")} AS next_kickoff_at,
  priority_raw - extract(epoch FROM now())::float8 / 86400.0 AS priority_score,
  assignee_id, (SELECT u.name FROM users u WHERE u.id = unmapped_markets.assignee_id) AS assignee_name, escalating,
  ${isoText("snoozed_at")} AS snoozed_at, ${isoText("snooze_until")} AS snooze_until, snooze_sightings, snooze_from_count,
  snooze_escalating, snooze_baseline`;

/** Who asks: `assignee=me` means this user (a token's owner). */
export interface Viewer {
  userId: string;
}

/** The filters of the list as conditions on unmapped_markets, and the part of them the counters can answer. */
export interface FilterSql {
  where: string;
  /** Only the source/status/reason conditions: the WHERE of market_counts. */
  countedWhere: string;
  params: unknown[];
  /** The conditions other than the status, over the same parameters. */
  otherConditions: string[];
}

type Filters = Pick<UnmappedListQuery, "source" | "status" | "reason" | "minOccurrences" | "q" | "assignee" | "escalating">;

export function filterSql(q: Filters, viewer: Viewer | null, params: unknown[] = []): FilterSql {
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  // The counters have the same three columns, so these conditions apply to both tables. Typed
  // parameters (not text cast to the enum, whose input function is only stable) keep them plain
  // comparisons the planner can match to the (status, col, id) indexes.
  const oneOf = (column: string, type: string, values: readonly string[] | undefined) => {
    if (values?.length === 1) add((p) => `${column} = ${p}::"${type}"`, values[0]);
    // An array literal: PGlite serialises a JS array only for array types it knows, not enum arrays.
    // The values are validated enum labels, so the literal needs no quoting.
    else if (values?.length) add((p) => `${column} = ANY(${p}::"${type}"[])`, `{${values.join(",")}}`);
  };
  oneOf("source", "Platform", q.source);
  if (q.reason) add((p) => `reason = ${p}::"UnmappedReason"`, q.reason);
  const counted = [...where];
  if (q.minOccurrences !== undefined) add((p) => `occurrence_count >= ${p}`, q.minOccurrences);
  if (q.q) add((p) => `(market_name ILIKE ${p} OR external_market_id ILIKE ${p})`, likePattern(q.q));
  if (q.assignee === "none") where.push("assignee_id IS NULL");
  // Nobody asking (a server-side render without a person) is assigned nothing.
  else if (q.assignee === "me") add((p) => `assignee_id = ${p}::text`, viewer?.userId ?? "");
  else if (q.assignee !== undefined) add((p) => `assignee_id = ${p}::text`, q.assignee);
  if (q.escalating !== undefined) where.push(q.escalating ? "escalating" : "NOT escalating");
  // The status is a constant, not a parameter: the list repeats its other conditions once per status
  // (listSql) over the same parameters. The labels are the contract's enum values, validated, so they
  // need no quoting; a typed constant is a plain comparison the (status, col, id) indexes match.
  const status = statusCondition(q.status);
  const clause = (conds: string[]) => (conds.length ? `WHERE ${conds.join(" AND ")}` : "");
  return {
    where: clause(status ? [status, ...where] : where),
    countedWhere: clause(status ? [status, ...counted] : counted),
    params,
    otherConditions: where,
  };
}

function statusCondition(statuses: readonly TriageStatus[] | undefined): string | null {
  if (!statuses?.length) return null;
  for (const s of statuses) if (!STATUSES.includes(s)) throw new Error(`not a triage status: ${s}`);
  return statuses.length === 1 ? `status = '${statuses[0]}'::"TriageStatus"` : `status = ANY('{${statuses.join(",")}}'::"TriageStatus"[])`;
}

/**
 * Where the list's rows come from, as a FROM item named unmapped_markets: the table with the filters
 * when one status is asked for, else the union of one filtered walk per status (see the top).
 */
function rowSource(f: FilterSql, statuses: readonly TriageStatus[] | undefined, order: string, limit: number): string {
  const each = statuses?.length ? statuses : STATUSES;
  const branch = (s: TriageStatus) =>
    `(SELECT * FROM unmapped_markets WHERE ${[statusCondition([s]), ...f.otherConditions].join(" AND ")} ${order} LIMIT ${limit})`;
  return `(${each.map(branch).join(" UNION ALL ")}) unmapped_markets`;
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ListSql {
  /**
   * The page's rows, each with the total in `total_n` unless `capped` (then `total` counts on its
   * own). An empty page has no row to carry it: its total is `total`'s.
   */
  page: string;
  rows: string;
  /** The rows without the total, with their cursor key and the notes and lines (the CSV export's batches). */
  keyed: string;
  /** One row `{ n }`: the exact total, or the count up to TOTAL_CAP + 1. */
  total: string;
  /** `total`'s parameters: the filters' (`params` may add a cursor's key after them). */
  totalParams: unknown[];
  params: unknown[];
  /** The filters as a WHERE clause on unmapped_markets ("" for none), over the same params. */
  where: string;
  /** Whether `total` reads rows and may pass the cap. */
  capped: boolean;
  /**
   * Whether `page` may stay prepared (server/db/prepared.ts): a first page whose parameters are plain
   * equalities (platform, reason, assignee), so one plan serves every value. Not a search or a
   * minimum (a plan per value), not a deeper page or a cursor's (a text per page).
   */
  preparable: boolean;
}

/**
 * @param paging page mode reads the page's rows; cursor mode reads `limit + 1` rows after the
 * cursor's key (keyset: `(col, id) < (key, id)` descending, `>` ascending), inside each per-status
 * walk too, so it reads the same indexes as page 1 however deep the walk is. Every sort column is
 * NOT NULL, so the row comparison needs no NULL ordering rules.
 */
export function listSql(q: UnmappedListQuery, viewer: Viewer | null = null, paging?: Paging): ListSql {
  const filters = filterSql(q, viewer);
  const { where: whereSql, countedWhere, params } = filters;
  const capped = whereSql !== countedWhere;

  const dir = q.order === "asc" ? "ASC" : "DESC";
  const col = SORT_COLUMN[q.sort];
  // Qualified: a bare name in ORDER BY means the output column first, and first_seen_at and
  // last_seen_at are output as text (isoText), which no index orders: every page sorted the table.
  const order = `ORDER BY unmapped_markets.${col} ${dir}, unmapped_markets.id ${dir}`;
  const p = paging ?? { mode: "page", page: q.page, pageSize: q.pageSize };
  const { limit: size, offset } = rowWindow(p);
  // The keyset condition is a row condition only: the total counts the filters, not the walk.
  const totalParams = [...params];
  const after = afterKey(p);
  let rowFilters = filters;
  let rowWhere = whereSql;
  if (after) {
    params.push(after[0], after[1]);
    const cond = `(unmapped_markets.${col}, unmapped_markets.id) ${dir === "ASC" ? ">" : "<"} ($${params.length - 1}::${SORT_TYPE[q.sort]}, $${params.length}::int)`;
    rowFilters = { ...filters, otherConditions: [...filters.otherConditions, cond] };
    rowWhere = whereSql ? `${whereSql} AND ${cond}` : `WHERE ${cond}`;
  }
  // No status and `status=` (the All tab: an empty list) both mean every status: merged per status too,
  // or the sort has no index to read (its (col, id) twin is gone) and every page sorts the table.
  const merged = (q.status?.length || STATUSES.length) > 1 && BY_STATUS_INDEXED.has(q.sort);
  const from = merged ? rowSource(rowFilters, q.status, order, offset + size) : `unmapped_markets ${rowWhere}`;
  const select = (extra = "") =>
    offset === 0
      ? `SELECT ${ITEM_COLUMNS}${extra} FROM ${from} ${order} LIMIT ${size}`
      : `SELECT ${ITEM_COLUMNS}${extra} FROM unmapped_markets
         JOIN (SELECT id FROM ${from} ${order} LIMIT ${size} OFFSET ${offset}) page USING (id)
         ${order}`;
  const rows = select();
  const total = capped
    ? `SELECT count(*)::int AS n FROM (SELECT 1 FROM unmapped_markets ${whereSql} LIMIT ${TOTAL_CAP + 1}) matching`
    : `SELECT COALESCE(sum(n), 0)::int8 AS n FROM market_counts ${countedWhere}`;
  const runs = q.trendRuns ? Math.trunc(q.trendRuns) : 0;
  // cursor_key: the sort key as a cursor carries it (timestamps as the API writes them, exact at the
  // column's millisecond precision). total_n: an uncorrelated subquery, run once per statement, not
  // per row (a CTE joined to the rows cost PostgreSQL about a quarter more per page than the rows alone).
  const cursorKey = SORT_TYPE[q.sort] === "timestamptz" ? isoText(col) : col;
  const totalColumn = capped ? "" : `, (${total}) AS total_n`;
  let page = select(`, ${cursorKey} AS cursor_key${totalColumn}`);
  if (runs) {
    // The last n runs that are over, once; each page row picks its counts from them (0 where a run
    // did not sight it) through the (market_id, run_id) primary key. The join cannot be trusted to
    // keep the rows' order, so they carry their sort key (the column itself: its text form has only
    // millisecond precision) and are ordered again, 50 rows at most.
    page = `WITH items AS (${select(`, ${cursorKey} AS cursor_key${totalColumn}, ${col} AS sort_key`)}),
      runs AS MATERIALIZED (SELECT id FROM scrape_runs WHERE status <> 'running' ORDER BY id DESC LIMIT ${runs})
      SELECT items.*, trend.trend FROM items
      LEFT JOIN LATERAL (SELECT array_agg(COALESCE(c.sightings, 0) ORDER BY r.id) AS trend FROM runs r
        LEFT JOIN market_run_counts c ON c.market_id = items.id AND c.run_id = r.id) trend ON true
      ORDER BY items.sort_key ${dir}, items.id ${dir}`;
  }
  const keyed = select(`, ${cursorKey} AS cursor_key, notes, specifiers`);
  const preparable = offset === 0 && !after && !q.q && q.minOccurrences === undefined;
  return { page, rows, keyed, total, totalParams, params, where: whereSql, capped, preparable };
}

/** The page's total from the total statement's value. */
export function totalOf(sql: ListSql, n: number): { total: number; totalCapped: boolean } {
  if (sql.capped && n > TOTAL_CAP) return { total: TOTAL_CAP, totalCapped: true };
  return { total: n, totalCapped: false };
}
