// The embedded database runs no autovacuum, so nothing ever gives its planner statistics. The list
// merges one index walk per status (server/discovery/list-sql.ts); not knowing how many markets each
// status holds, the planner guesses 0.5% of the table and, for a deep page, sorts whole statuses
// instead of walking the index: page 1,000 at 300,000 markets took 835 ms instead of 54 ms. So
// after each run, PGlite analyzes the status column alone, from a 3,000-row sample (statistics
// target 10, set by migration 20261206113944): about 20 ms at 300,000 markets, on the database's
// own thread. PostgreSQL's autovacuum keeps its statistics.
//
// Never while the table is small: statistics saying "almost empty" make the plan of the per-row
// foreign-key check from market_run_counts a sequential scan, kept as the table grows (DECISIONS).
import type { Database } from "./client";

/** Fewer markets than this and the status counts would not change a plan anyway. */
export const ANALYZE_MIN_MARKETS = 1_000;

/** Refreshes the planner's per-status counts of markets on PGlite; a no-op on PostgreSQL. */
export async function refreshStatusStatistics(db: Database): Promise<boolean> {
  if (db.kind !== "pglite") return false;
  const [{ n }] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM unmapped_markets LIMIT ${ANALYZE_MIN_MARKETS}) enough`,
  );
  if (Number(n) < ANALYZE_MIN_MARKETS) return false;
  await db.exec("ANALYZE unmapped_markets (status)");
  return true;
}
