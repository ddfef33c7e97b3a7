// The flush statement (see flush.ts and docs/DECISIONS.md, "The flush statement"). $1 is the
// chunk's rows as JSON, $2 its batch id.
//
// What the upsert does to an existing row: adds the batch's count, widens first/last seen, takes
// the newer name/reason/samples, merges lines (capped), recomputes the priority and the latest
// run's impact. It never touches notes, and touches status/version only to reopen a regressed
// MAPPED market, so a scrape can't clobber or invalidate a person's edit.
import { MAX_SPECIFIERS } from "./recorder";

// A market a person marked MAPPED that is sighted unmapped again (its mapping was removed or
// changed) reopens as NEW with regressed_at set, unless the sighting predates the mapping. The
// `regressing` CTE locks those rows first, so of two concurrent flushes only one reopens (and
// announces) a market; the reopening is audited in the same statement.
const REGRESSES = `t.status = 'MAPPED' AND EXCLUDED.last_seen_at > COALESCE(t.mapped_at, '-infinity'::timestamptz)`;

export const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(s text, e text, n text, r text, o jsonb, l text[],
    f timestamptz, z timestamptz, c int, run int, ev int, rs int)
), regressing AS (
  SELECT m.id FROM unmapped_markets m JOIN input i ON m.source = i.s::"Platform" AND m.external_market_id = i.e
  WHERE m.status = 'MAPPED' AND i.z > COALESCE(m.mapped_at, '-infinity'::timestamptz)
  ORDER BY m.id FOR UPDATE OF m
), up AS (
  INSERT INTO unmapped_markets AS t
    (source, external_market_id, market_name, reason, sample_outcomes, specifiers,
     first_seen_at, last_seen_at, occurrence_count, priority_raw, last_run_id, last_run_events, last_run_sightings)
  SELECT r.s::"Platform", r.e, r.n, r.r::"UnmappedReason", r.o, r.l, r.f, r.z, r.c,
         ln(1.0 + r.c) + extract(epoch FROM r.z)::float8 / 86400.0,
         r.run, COALESCE(r.ev, 0), COALESCE(r.rs, 0)
  FROM input r
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
    priority_raw     = ln(1.0 + t.occurrence_count + EXCLUDED.occurrence_count)
                       + extract(epoch FROM GREATEST(t.last_seen_at, EXCLUDED.last_seen_at))::float8 / 86400.0,
    last_run_id      = COALESCE(EXCLUDED.last_run_id, t.last_run_id),
    last_run_events  = CASE WHEN EXCLUDED.last_run_id IS NULL THEN t.last_run_events
                            WHEN EXCLUDED.last_run_id = t.last_run_id THEN t.last_run_events + EXCLUDED.last_run_events
                            ELSE EXCLUDED.last_run_events END,
    last_run_sightings = CASE WHEN EXCLUDED.last_run_id IS NULL THEN t.last_run_sightings
                            WHEN EXCLUDED.last_run_id = t.last_run_id THEN t.last_run_sightings + EXCLUDED.last_run_sightings
                            ELSE EXCLUDED.last_run_sightings END,
    status           = CASE WHEN ${REGRESSES} THEN 'NEW'::"TriageStatus" ELSE t.status END,
    regressed_at     = CASE WHEN ${REGRESSES} THEN now() ELSE t.regressed_at END,
    version          = CASE WHEN ${REGRESSES} THEN t.version + 1 ELSE t.version END,
    updated_at       = CASE WHEN ${REGRESSES} THEN now() ELSE t.updated_at END
  RETURNING t.id, (t.xmax = 0) AS inserted, t.status, t.source, t.external_market_id, t.market_name, t.reason
), reopened AS (
  SELECT up.id FROM up JOIN regressing g ON g.id = up.id WHERE up.status = 'NEW'
), batch AS (
  -- Its primary key is what makes a retry of a committed chunk fail instead of counting twice.
  INSERT INTO flush_batches (id, announced)
  SELECT $2::uuid, COALESCE(jsonb_agg(jsonb_build_object('id', a.id, 'source', a.source, 'externalMarketId', a.external_market_id,
           'marketName', a.market_name, 'reason', a.reason, 'regressed', a.regressed)), '[]'::jsonb)
  FROM (SELECT up.*, up.id IN (SELECT id FROM reopened) AS regressed FROM up) a
  WHERE a.inserted OR a.regressed
), audit AS (
  INSERT INTO audit_log (entity_type, entity_id, action, actor_type, actor, before, after, reason)
  SELECT 'unmapped_market', id::text, 'regressed', 'scraper', 'scraper', '{"status":"MAPPED"}'::jsonb, '{"status":"NEW"}'::jsonb,
         'Sighted unmapped again after it was mapped'
  FROM reopened
)
SELECT up.id, up.inserted, (up.id IN (SELECT id FROM reopened)) AS regressed,
  -- Only announced rows carry their identity back.
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.source END AS source,
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.external_market_id END AS external_market_id,
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.market_name END AS market_name,
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.reason END AS reason
FROM up`;
