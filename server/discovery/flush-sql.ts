// The flush statement (see flush.ts and docs/DECISIONS.md, "The flush statement"). $1 is the
// chunk's rows as JSON, $2 its batch id. The markets it announces are kept with the batch id; the
// flush's announce step (server/alerts/announcer.ts) turns the batches of a whole flush into its
// webhook events and alert-rule notifications.
//
// What the upsert does to an existing row: adds the batch's count, widens first/last seen, takes
// the newer name/reason/samples, merges lines (capped), recomputes the priority and the latest
// run's impact and soonest kickoff, and adds the run's counts to market_run_counts. It never touches notes, and
// touches status/version only to reopen a market (regressed, or its snooze ended), so a scrape
// can't clobber or invalidate a person's edit. The triage turns are in flush-triage-sql.ts.
import { AUDIT_CTE, CAUSED_CTE, regresses, RUN_COUNTS_CTE, TURN_SET, TURNING_CTE, UNSNOOZES } from "./flush-triage-sql";
import { priorityRawSql } from "./priority-sql";
import { MAX_SPECIFIERS } from "./recorder";

// A market a person marked MAPPED that is sighted unmapped again (its mapping was removed or
// changed) reopens as NEW with regressed_at set, unless the sighting predates the mapping.
const REGRESSES = regresses("t", "EXCLUDED.last_seen_at");
const REOPENS = `(${REGRESSES} OR ${UNSNOOZES})`;

// The latest run's soonest future kickoff, per run like last_run_events: a chunk of the row's
// run narrows it (null-safe: LEAST ignores nulls), a chunk of a newer run replaces it (null too:
// that run saw no match ahead), a sighting outside any run leaves it.
const NEXT_KICKOFF = `CASE WHEN EXCLUDED.last_run_id IS NULL THEN t.next_kickoff_at
                            WHEN EXCLUDED.last_run_id = t.last_run_id THEN LEAST(t.next_kickoff_at, EXCLUDED.next_kickoff_at)
                            ELSE EXCLUDED.next_kickoff_at END`;

export const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(s text, e text, n text, r text, o jsonb, l text[],
    f timestamptz, z timestamptz, c int, run int, ev int, rs int, k timestamptz)
), ${TURNING_CTE}, up AS (
  INSERT INTO unmapped_markets AS t
    (source, external_market_id, market_name, reason, sample_outcomes, specifiers,
     first_seen_at, last_seen_at, occurrence_count, priority_raw, last_run_id, last_run_events, last_run_sightings,
     next_kickoff_at)
  SELECT r.s::"Platform", r.e, r.n, r.r::"UnmappedReason", r.o, r.l, r.f, r.z, r.c,
         ${priorityRawSql("r.c", "r.z", "r.k")},
         r.run, COALESCE(r.ev, 0), COALESCE(r.rs, 0), r.k
  FROM input r
  -- Takes turning's locks before the first row is written, whatever plan reads it later.
  WHERE (SELECT count(*) FROM turning) >= 0
  ORDER BY r.s, r.e
  ON CONFLICT (source, external_market_id) DO UPDATE SET
    occurrence_count = t.occurrence_count + EXCLUDED.occurrence_count,
    first_seen_at    = LEAST(t.first_seen_at, EXCLUDED.first_seen_at),
    last_seen_at     = GREATEST(t.last_seen_at, EXCLUDED.last_seen_at),
    market_name      = CASE WHEN EXCLUDED.last_seen_at >= t.last_seen_at THEN EXCLUDED.market_name ELSE t.market_name END,
    reason           = CASE WHEN EXCLUDED.last_seen_at >= t.last_seen_at THEN EXCLUDED.reason ELSE t.reason END,
    sample_outcomes  = CASE WHEN EXCLUDED.last_seen_at >= t.last_seen_at AND jsonb_array_length(EXCLUDED.sample_outcomes) > 0
                            THEN EXCLUDED.sample_outcomes ELSE t.sample_outcomes END,
    specifiers       = CASE WHEN EXCLUDED.specifiers <@ t.specifiers THEN t.specifiers ELSE ARRAY(
                         SELECT u.s FROM unnest(t.specifiers || EXCLUDED.specifiers) WITH ORDINALITY AS u(s, i)
                         GROUP BY u.s ORDER BY min(u.i) LIMIT ${MAX_SPECIFIERS}) END,
    priority_raw     = ${priorityRawSql("t.occurrence_count + EXCLUDED.occurrence_count", "GREATEST(t.last_seen_at, EXCLUDED.last_seen_at)", NEXT_KICKOFF)},
    last_run_id      = COALESCE(EXCLUDED.last_run_id, t.last_run_id),
    last_run_events  = CASE WHEN EXCLUDED.last_run_id IS NULL THEN t.last_run_events
                            WHEN EXCLUDED.last_run_id = t.last_run_id THEN t.last_run_events + EXCLUDED.last_run_events
                            ELSE EXCLUDED.last_run_events END,
    last_run_sightings = CASE WHEN EXCLUDED.last_run_id IS NULL THEN t.last_run_sightings
                            WHEN EXCLUDED.last_run_id = t.last_run_id THEN t.last_run_sightings + EXCLUDED.last_run_sightings
                            ELSE EXCLUDED.last_run_sightings END,
    next_kickoff_at  = ${NEXT_KICKOFF},
    status           = CASE WHEN ${REOPENS} THEN 'NEW'::"TriageStatus" ELSE t.status END,
    regressed_at     = CASE WHEN ${REGRESSES} THEN now() ELSE t.regressed_at END,
    version          = CASE WHEN ${REOPENS} THEN t.version + 1 ELSE t.version END,
    updated_at       = CASE WHEN ${REOPENS} THEN now() ELSE t.updated_at END,
    ${TURN_SET}
  RETURNING t.id, (t.xmax = 0) AS inserted, t.status, t.source, t.external_market_id, t.market_name, t.reason
), ${CAUSED_CTE}, batch AS (
  -- Its primary key is what makes a retry of a committed chunk fail instead of counting twice.
  -- A batch that announces nothing needs no announce step: it is born announced.
  INSERT INTO flush_batches (id, announced, announced_at)
  SELECT $2::uuid, COALESCE(jsonb_agg(jsonb_build_object('id', a.id, 'source', a.source, 'externalMarketId', a.external_market_id,
           'marketName', a.market_name, 'reason', a.reason, 'regressed', a.cause = 'regressed', 'cause', a.cause)), '[]'::jsonb),
         CASE WHEN count(*) = 0 THEN now() END
  FROM caused a
  WHERE a.cause IS NOT NULL
), ${RUN_COUNTS_CTE}, ${AUDIT_CTE}
SELECT id, inserted, cause,
  -- Only announced rows carry their identity back.
  CASE WHEN cause IS NOT NULL THEN source END AS source,
  CASE WHEN cause IS NOT NULL THEN external_market_id END AS external_market_id,
  CASE WHEN cause IS NOT NULL THEN market_name END AS market_name,
  CASE WHEN cause IS NOT NULL THEN reason END AS reason
FROM caused`;
