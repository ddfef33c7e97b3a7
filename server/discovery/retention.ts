// Background pruning of what the flush keeps only for a while: committed chunk ids (flush_batches)
// and old runs' counts (market_run_counts). Both run at most once an hour after a successful flush.
import type { Database } from "@/server/db/client";
import { yieldToEventLoop } from "@/server/util/yield";

/** A retry or journal replay of a chunk older than `days` would count again: see DECISIONS. */
export async function pruneFlushBatches(db: Database, days: number): Promise<number> {
  const [{ n }] = await db.queryBulk<{ n: number }>(
    `WITH gone AS (DELETE FROM flush_batches WHERE created_at < now() - make_interval(days => $1) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [days],
  );
  return n;
}

/** Rows deleted per statement while pruning, so no statement holds its locks for long. */
const PRUNE_BATCH_ROWS = 5_000;

const PRUNE_SQL = `
WITH gone AS (
  DELETE FROM market_run_counts WHERE (market_id, run_id) IN (
    SELECT market_id, run_id FROM market_run_counts
    WHERE run_id IN (SELECT id FROM scrape_runs WHERE started_at < now() - make_interval(days => $1))
    LIMIT $2)
  RETURNING 1
)
SELECT count(*)::int AS n FROM gone`;

/**
 * Deletes the counts of runs that started more than `days` ago, PRUNE_BATCH_ROWS at a time,
 * yielding between batches; returns how many rows went.
 */
export async function pruneRunCounts(db: Database, days: number, batchRows = PRUNE_BATCH_ROWS): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ n }] = await db.queryBulk<{ n: number }>(PRUNE_SQL, [days, batchRows]);
    total += n;
    if (n < batchRows) return total;
    await yieldToEventLoop();
  }
}
