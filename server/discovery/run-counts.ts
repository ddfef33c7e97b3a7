// When a run ends, the per-run counts (market_run_counts, written by the flush statement) settle
// each market's baseline and escalation flag. Rules: docs/DECISIONS.md, "Escalation and snooze".
import type { Database } from "@/server/db/client";
import { withRetry } from "./flush";
import { BASELINE_MIN_RUNS, BASELINE_RUNS, ESCALATION_FACTOR, ESCALATION_FLOOR } from "./flush-triage-sql";

/**
 * One statement when run $1 ends (completed or partial). For every market the run sighted: the
 * baseline becomes the median of its sightings over its last BASELINE_RUNS runs (this one
 * included; null under BASELINE_MIN_RUNS), and the flag is cleared unless this run's sightings
 * exceeded the threshold it was judged against during the run (the baseline before this run; the
 * SET reads the old row). Markets still flagged that this run did not sight are cleared too: the
 * flag means "escalating in its latest run". The two updates touch disjoint rows; a deadlock with a
 * concurrent flush (a journal replay) is retried.
 */
const RUN_ENDED_SQL = `
WITH sighted AS (
  SELECT c.market_id, c.sightings,
    (SELECT CASE WHEN count(*) >= ${BASELINE_MIN_RUNS} THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY h.sightings) END
     FROM (SELECT sightings FROM market_run_counts WHERE market_id = c.market_id AND run_id <= c.run_id
           ORDER BY run_id DESC LIMIT ${BASELINE_RUNS}) h) AS baseline
  FROM market_run_counts c WHERE c.run_id = $1
), recomputed AS (
  UPDATE unmapped_markets m SET baseline = s.baseline, escalating = s.escalating
  FROM (SELECT sighted.*, m0.escalating AND m0.baseline IS NOT NULL
               AND sighted.sightings > ${ESCALATION_FACTOR} * GREATEST(m0.baseline, ${ESCALATION_FLOOR}) AS escalating
        FROM sighted JOIN unmapped_markets m0 ON m0.id = sighted.market_id) s
  -- A steady market's row is left alone: most runs change neither.
  WHERE m.id = s.market_id AND (m.baseline IS DISTINCT FROM s.baseline OR m.escalating <> s.escalating)
  RETURNING m.id
), cleared AS (
  UPDATE unmapped_markets m SET escalating = false
  WHERE m.escalating AND m.id NOT IN (SELECT market_id FROM sighted)
  RETURNING m.id
)
SELECT (SELECT count(*)::int FROM recomputed) AS recomputed, (SELECT count(*)::int FROM cleared) AS cleared`;

export interface RunEnded {
  /** Markets the run sighted whose baseline or flag changed. */
  recomputed: number;
  /** Markets the run did not sight whose flag was cleared. */
  cleared: number;
}

/** Settles baselines and flags after run `runId` ended (completed or partial, not failed). */
export async function settleRun(db: Database, runId: number): Promise<RunEnded> {
  const rows = await withRetry(() => db.queryBulk<RunEnded>(RUN_ENDED_SQL, [runId]));
  return rows[0];
}
