// When a run ends, the per-run counts (market_run_counts, written by the flush statement) settle
// each market's baseline and escalation flag. Rules: docs/DECISIONS.md, "Escalation and snooze".
import type { Database } from "@/server/db/client";
import { maintainEmbedded } from "@/server/db/maintenance";
import { yieldToEventLoop } from "@/server/util/yield";
import { withRetry } from "./flush";
import { BASELINE_MIN_RUNS, BASELINE_RUNS, ESCALATION_FACTOR, ESCALATION_FLOOR } from "./flush-triage-sql";

/**
 * When run $1 ends (completed or partial), for each market the run sighted with an id above $2, the
 * next $3 of them in id order: the baseline becomes the median of its sightings over its last
 * BASELINE_RUNS runs (this one included; null under BASELINE_MIN_RUNS), and the flag is cleared
 * unless this run's sightings exceeded the threshold it was judged against during the run (the
 * baseline before this run; the SET reads the old row). In batches so that no statement holds the
 * database long (PGlite serves requests one statement at a time: 10,000 markets in one statement
 * took 0.9 s). A deadlock with a concurrent flush (a journal replay) is retried.
 */
const SETTLE_BATCH_SQL = `
WITH batch AS (
  SELECT market_id, run_id, sightings FROM market_run_counts WHERE run_id = $1 AND market_id > $2 ORDER BY market_id LIMIT $3
), sighted AS (
  SELECT c.market_id, c.sightings,
    (SELECT CASE WHEN count(*) >= ${BASELINE_MIN_RUNS} THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY h.sightings) END
     FROM (SELECT sightings FROM market_run_counts WHERE market_id = c.market_id AND run_id <= c.run_id
           ORDER BY run_id DESC LIMIT ${BASELINE_RUNS}) h) AS baseline
  FROM batch c
), recomputed AS (
  UPDATE unmapped_markets m SET baseline = s.baseline, escalating = s.escalating
  FROM (SELECT sighted.*, m0.escalating AND m0.baseline IS NOT NULL
               AND sighted.sightings > ${ESCALATION_FACTOR} * GREATEST(m0.baseline, ${ESCALATION_FLOOR}) AS escalating
        FROM sighted JOIN unmapped_markets m0 ON m0.id = sighted.market_id) s
  -- A steady market's row is left alone: most runs change neither.
  WHERE m.id = s.market_id AND (m.baseline IS DISTINCT FROM s.baseline OR m.escalating <> s.escalating)
  RETURNING m.id
)
SELECT (SELECT count(*)::int FROM recomputed) AS recomputed, (SELECT max(market_id) FROM batch) AS last,
  (SELECT count(*)::int FROM batch) AS n`;

/** Markets still flagged that run $1 did not sight: the flag means "escalating in its latest run". */
const CLEAR_UNSIGHTED_SQL = `
WITH cleared AS (
  UPDATE unmapped_markets m SET escalating = false
  WHERE m.escalating AND NOT EXISTS (SELECT 1 FROM market_run_counts c WHERE c.market_id = m.id AND c.run_id = $1)
  RETURNING m.id
)
SELECT count(*)::int AS cleared FROM cleared`;

/** Markets per settle statement: about the cost of one flush chunk on each database. */
export const SETTLE_BATCH = { pglite: 500, postgres: 5_000 } as const;

export interface RunEnded {
  /** Markets the run sighted whose baseline or flag changed. */
  recomputed: number;
  /** Markets the run did not sight whose flag was cleared. */
  cleared: number;
}

/** Settles baselines and flags after run `runId` ended (completed or partial, not failed). */
export async function settleRun(db: Database, runId: number, batch: number = SETTLE_BATCH[db.kind]): Promise<RunEnded> {
  let recomputed = 0;
  for (let after = 0; ;) {
    const [row] = await withRetry(() =>
      db.queryBulk<{ recomputed: number; last: number | null; n: number }>(SETTLE_BATCH_SQL, [runId, after, batch]),
    );
    recomputed += Number(row.recomputed);
    if (row.last === null || Number(row.n) < batch) break;
    after = Number(row.last);
    await yieldToEventLoop();
  }
  const [cleared] = await withRetry(() => db.queryBulk<{ cleared: number }>(CLEAR_UNSIGHTED_SQL, [runId]));
  // A run is when the statuses' sizes change most (new markets, reopened ones): the list's plans
  // follow; and its flush rewrote every market it sighted, whose old versions are cleared here.
  await maintainEmbedded(db);
  return { recomputed, cleared: Number(cleared.cleared) };
}
