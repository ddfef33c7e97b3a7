// The price snapshot's statements (see snapshot.ts and docs/DECISIONS.md, "The price snapshot").
// Rows travel as one JSON parameter (jsonb_to_recordset), as the flush's do: one statement per
// chunk whatever its size, the same SQL on PGlite and PostgreSQL. $2 is the run id.

/**
 * Both platforms of a match may land in one run's rows in different flushes: the second one adds
 * its event id and fills what the first lacked. A chunk names each match once (the writer merges
 * them first), so no row is affected twice.
 */
export const EVENTS_SQL = `
INSERT INTO snapshot_events AS t (run_id, match_id, kickoff, event_ids, home, away)
SELECT $2::int, r.m, r.k, r.i, r.h, r.a
FROM jsonb_to_recordset($1::jsonb) AS r(m text, k timestamptz, i jsonb, h text, a text)
ON CONFLICT (run_id, match_id) DO UPDATE SET
  kickoff   = COALESCE(t.kickoff, EXCLUDED.kickoff),
  event_ids = t.event_ids || EXCLUDED.event_ids,
  home      = COALESCE(t.home, EXCLUDED.home),
  away      = COALESCE(t.away, EXCLUDED.away)`;

/**
 * A market instance is written once per run. The same key twice (two listings of one match on a
 * platform, or two specifiers that clean to the same text) keeps the first: a cache, not a count.
 */
export const MARKETS_SQL = `
INSERT INTO snapshot_markets (run_id, match_id, platform, market_key, line, mapped, canonical_id, outcomes)
SELECT $2::int, r.m, r.p::"Platform", r.k, r.l, r.x, r.c, r.o
FROM jsonb_to_recordset($1::jsonb) AS r(m text, p text, k text, l text, x boolean, c text, o jsonb)
ON CONFLICT DO NOTHING`;

/** The oldest run kept: the latest $1 runs with snapshot events, and the run now ending ($2), whatever it wrote. */
export const KEEP_FROM_SQL = `
SELECT min(run_id)::int AS keep_from FROM (
  (SELECT DISTINCT run_id FROM snapshot_events WHERE run_id < $2::int ORDER BY run_id DESC LIMIT $1::int - 1)
  UNION ALL SELECT $2::int
) kept`;

/** The table's size in pages: the pruning walks them in ranges. */
export const PAGES_SQL = `SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS pages`;

/**
 * Deletes the rows of runs before $1 in the pages [$2, $3) of the table: a TID range scan reads only
 * those pages, so walking the table range by range reads it once, each statement a bounded piece.
 * (Batches of "the first N rows of old runs" re-read the rows already deleted, dead until the
 * vacuum, on every batch: a 450,000-row run took 20 s to prune that way on PGlite.)
 */
export const pruneSql = (table: "snapshot_events" | "snapshot_markets") => `
WITH gone AS (
  DELETE FROM ${table} WHERE ctid >= format('(%s,0)', $2::int)::tid AND ctid < format('(%s,0)', $3::int)::tid AND run_id < $1::int
  RETURNING 1
)
SELECT count(*)::int AS n FROM gone`;
