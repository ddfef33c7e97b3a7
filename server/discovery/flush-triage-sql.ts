// The team-triage parts of the flush statement (flush-sql.ts): which markets a chunk turns
// (regresses, unsnoozes, escalates), the per-run counts, and the audit rows of those turns. The
// rules are in docs/DECISIONS.md, "Escalation and snooze".
//
// Aliases: in the `turning` CTE `m` is the stored market and `i` the chunk's row; in the upsert's
// SET `t` is the stored row and EXCLUDED the chunk's.
import { AUDIT_COLUMN_LIST } from "@/server/audit/audit-service";

/** A market escalates when its sightings in one run exceed FACTOR x max(baseline, FLOOR). */
export const ESCALATION_FACTOR = 3;
/** Stops a rare market (baseline 1 or 2 a run) from escalating on noise: 16 sightings at least. */
export const ESCALATION_FLOOR = 5;
/** Runs of history a baseline needs (fewer: null, never escalates) and the most it looks back on. */
export const BASELINE_MIN_RUNS = 3;
export const BASELINE_RUNS = 10;

const threshold = (baseline: string) => `${ESCALATION_FACTOR} * GREATEST(${baseline}, ${ESCALATION_FLOOR})`;

/** Its sightings in its current run once this chunk's are added: how last_run_sightings accumulates. */
const runSightingsAfter = (stored: string, run: string, rs: string) =>
  `CASE WHEN ${run} IS NULL THEN ${stored}.last_run_sightings
        WHEN ${run} = ${stored}.last_run_id THEN ${stored}.last_run_sightings + COALESCE(${rs}, 0)
        ELSE COALESCE(${rs}, 0) END`;

const RS = runSightingsAfter("m", "i.run", "i.rs");

/** A MAPPED market sighted unmapped after it was mapped (not before: the mapping covers those). */
export const regresses = (stored: string, lastSeen: string) =>
  `(${stored}.status = 'MAPPED' AND ${lastSeen} > COALESCE(${stored}.mapped_at, '-infinity'::timestamptz))`;

/**
 * The flag: its run's sightings cross the threshold of its own baseline. Only rows of a run count
 * (a spill replay's rows have none), and a market with no baseline yet never escalates.
 */
const CROSSES = `(NOT m.escalating AND m.baseline IS NOT NULL AND i.run IS NOT NULL AND ${RS} > ${threshold("m.baseline")})`;

/** An "ignore until" market, and each of its conditions: (c) escalation against the baseline it was snoozed with. */
const SNOOZED = `(m.status = 'IGNORED' AND m.snoozed_at IS NOT NULL)`;
const SNOOZE_ESCALATES = `(m.snooze_escalating AND i.run IS NOT NULL AND ${RS} > ${threshold(`COALESCE(m.snooze_baseline, ${ESCALATION_FLOOR})`)})`;
const SNOOZE_MET = `((m.snooze_until IS NOT NULL AND i.z > m.snooze_until)
       OR (m.snooze_sightings IS NOT NULL AND m.occurrence_count + i.c >= m.snooze_from_count + m.snooze_sightings))`;

/**
 * The markets this chunk turns, locked first (FOR UPDATE), so that of two concurrent flushes only
 * one turns and announces a market: the second waits for the first's commit, then re-reads the
 * row, which no longer matches (status NEW, snooze cleared, flag set). Only matching rows are
 * locked, in the chunk's key order (the upsert's order). A condition that only two concurrent
 * chunks meet together (neither alone) is seen by the next flush that sights the market.
 * One look-up per row, through the unique key: the ORDER BY ... LIMIT 1 is what makes
 * PostgreSQL take its btree index; with a plain join it costs the trigram index on
 * external_market_id lower, measured 500 times slower (4 ms a row).
 */
export const TURNING_CTE = `turning AS (
  SELECT x.* FROM input i CROSS JOIN LATERAL (
    SELECT m.id, i.run,
      ${regresses("m", "i.z")} AS regress,
      CASE WHEN ${SNOOZED} AND ${SNOOZE_ESCALATES} THEN 'escalating'
           WHEN ${SNOOZED} AND ${SNOOZE_MET} THEN 'unsnoozed' END AS unsnooze,
      ${CROSSES} AS escalate,
      ${RS} AS run_sightings, m.baseline,
      jsonb_build_object('status', m.status, 'snooze', jsonb_build_object('until', m.snooze_until, 'sightings', m.snooze_sightings,
        'escalating', m.snooze_escalating, 'baseline', m.snooze_baseline, 'snoozedAt', m.snoozed_at)) AS snooze
    FROM unmapped_markets m
    WHERE m.source = i.s::"Platform" AND m.external_market_id = i.e
      AND (${regresses("m", "i.z")} OR (${SNOOZED} AND (${SNOOZE_ESCALATES} OR ${SNOOZE_MET})) OR ${CROSSES})
    ORDER BY m.source, m.external_market_id LIMIT 1
    FOR UPDATE
  ) x
)`;

// In the upsert's SET: whether the stored row `t` is one `turning` picked. Set by the CTE, not
// recomputed, so flags, announcements and audit rows always agree.
export const UNSNOOZES = `t.id IN (SELECT id FROM turning WHERE unsnooze IS NOT NULL)`;
const ESCALATES = `t.id IN (SELECT id FROM turning WHERE escalate)`;
const SNOOZE_COLUMNS = ["snoozed_at", "snooze_until", "snooze_sightings", "snooze_from_count", "snooze_baseline"];

/** SET items of the upsert for the turns (status and version are in flush-sql.ts, with REGRESSES). */
export const TURN_SET = [
  ...SNOOZE_COLUMNS.map((c) => `${c} = CASE WHEN ${UNSNOOZES} THEN NULL ELSE t.${c} END`),
  `snooze_escalating = CASE WHEN ${UNSNOOZES} THEN false ELSE t.snooze_escalating END`,
  `escalating = CASE WHEN ${ESCALATES} THEN true ELSE t.escalating END`,
  `escalated_at = CASE WHEN ${ESCALATES} THEN now() ELSE t.escalated_at END`,
].join(",\n    ");

/**
 * Why each row of the chunk is announced, one cause per market: a reopening (regressed,
 * unsnoozed, or escalating through the snooze) wins over the flag's crossing, which is announced
 * only while someone would act on it (NEW or ACKNOWLEDGED; an IGNORED market keeps the flag
 * silently). Null: not announced.
 */
export const CAUSED_CTE = `caused AS (
  SELECT up.*, g.run, g.run_sightings, g.baseline, g.snooze, g.unsnooze, g.escalate, CASE
    WHEN g.regress AND up.status = 'NEW' THEN 'regressed'
    WHEN g.unsnooze IS NOT NULL THEN g.unsnooze
    WHEN g.escalate AND up.status IN ('NEW', 'ACKNOWLEDGED') THEN 'escalating'
    WHEN up.inserted THEN 'new' END AS cause
  FROM up LEFT JOIN turning g ON g.id = up.id
)`;

/**
 * The per-run counts, added (several flushes write one run). Rows without a run (a journal
 * replay of rows recorded outside one) write none. In id order, like every lock the flush takes.
 */
export const RUN_COUNTS_CTE = `run_counts AS (
  INSERT INTO market_run_counts AS k (market_id, run_id, sightings, events)
  SELECT up.id, i.run, COALESCE(i.rs, 0), COALESCE(i.ev, 0)
  FROM up JOIN input i ON up.source = i.s::"Platform" AND up.external_market_id = i.e
  WHERE i.run IS NOT NULL
  ORDER BY up.id
  ON CONFLICT (market_id, run_id) DO UPDATE SET sightings = k.sightings + EXCLUDED.sightings, events = k.events + EXCLUDED.events
)`;

/**
 * The audit rows of the turns, the same columns and shape as AuditService.record writes (its header
 * says what must stay in step), actor the scraper: regressed, unsnoozed (after: status NEW and the
 * cause), escalated (every crossing, announced or not).
 */
export const AUDIT_CTE = `audit AS (
  INSERT INTO audit_log (${AUDIT_COLUMN_LIST})
  SELECT 'unmapped_market', id::text, 'regressed', 'scraper', NULL, 'scraper', '{"status":"MAPPED"}'::jsonb, '{"status":"NEW"}'::jsonb,
         'Sighted unmapped again after it was mapped'
  FROM caused WHERE cause = 'regressed'
  UNION ALL
  SELECT 'unmapped_market', id::text, 'unsnoozed', 'scraper', NULL, 'scraper', snooze, jsonb_build_object('status', 'NEW', 'cause', cause),
         CASE WHEN cause = 'escalating' THEN format('Its snooze ended: %s sightings in run %s, over its escalation threshold', run_sightings, run)
              ELSE 'Its snooze ended: its time passed and it was sighted again, or it reached its sightings' END
  FROM caused WHERE unsnooze IS NOT NULL
  UNION ALL
  SELECT 'unmapped_market', id::text, 'escalated', 'scraper', NULL, 'scraper', '{"escalating":false}'::jsonb,
         jsonb_build_object('escalating', true, 'runId', run, 'sightings', run_sightings, 'baseline', baseline),
         format('%s sightings in run %s, over ${ESCALATION_FACTOR} x max(baseline %s, ${ESCALATION_FLOOR})', run_sightings, run, round(baseline::numeric, 1))
  FROM caused WHERE escalate
)`;
