// The coverage watch's statement (see coverage-watch.ts and docs/DECISIONS.md, "Coverage watch"):
// one statement per run end, set-based over the price snapshot, the same SQL on PGlite and PostgreSQL.
//   $1 the run id
//   $2 the watched mappings, JSON [{c: canonical id, p: platform, k: the platform's market key,
//      name, n: the outcome names it names (SportyBet descs lower-cased, Bet9ja suffixes)}], only
//      for the platforms whose part of the run completed
//   $3 the pattern of a line inside a SportyBet outcome name ("Over 2.5", "Home (-0.5)")
//   $4 the fewest events the previous run must have had on a platform for "dropped"
import { NEW_NAMES_CAP } from "@/lib/contract/coverage";

/**
 * Per watched mapping: its market instances in this run and the previous one (the latest earlier
 * run with events of that platform) read by the snapshot's key (run, platform, market key), so only
 * the watched markets' rows are read. Then, in one go: the open alerts a run resolves (dropped: the
 * market is offered again; outcomes_changed: its names all match again), and the new ones (one open
 * per mapping, platform and kind, by the partial unique index). Resolving and raising never meet on
 * one alert: each pair of conditions excludes the other.
 */
export const WATCH_SQL = `
WITH known AS (
  SELECT k.c, k.p, k.k, k.name, k.n FROM jsonb_to_recordset($2::jsonb) AS k(c text, p text, k text, name text, n jsonb)
), plat AS (
  SELECT p.p AS platform,
    (SELECT count(*) FROM snapshot_events e WHERE e.run_id = $1::int AND e.event_ids ? p.p)::int AS events,
    (SELECT max(e.run_id) FROM snapshot_events e WHERE e.run_id < $1::int AND e.event_ids ? p.p) AS prev_run
  FROM (SELECT DISTINCT known.p FROM known) p
), runs AS (
  SELECT plat.*, (SELECT count(*) FROM snapshot_events e WHERE e.run_id = plat.prev_run AND e.event_ids ? plat.platform)::int AS prev_events
  FROM plat
), instances AS (
  SELECT m.run_id, k.c, k.p, k.n, m.match_id, m.line, m.mapped, m.outcomes
  FROM runs r
  JOIN known k ON k.p = r.platform
  JOIN snapshot_markets m ON m.run_id IN ($1::int, r.prev_run) AND m.platform = k.p::"Platform" AND m.market_key = k.k
), offered AS (
  -- now: events of this run offering the market at all; before: events of the previous run offering it mapped.
  SELECT c, p,
    count(DISTINCT match_id) FILTER (WHERE run_id = $1::int)::int AS now,
    count(DISTINCT match_id) FILTER (WHERE run_id <> $1::int AND mapped)::int AS before
  FROM instances GROUP BY c, p
), names AS (
  SELECT DISTINCT i.run_id, i.c, i.p, i.n, o.value->>'name' AS name,
    CASE WHEN i.p = 'sportybet' THEN lower(o.value->>'name') ELSE o.value->>'name' END AS exact,
    CASE WHEN i.p = 'sportybet' AND i.line <> ''
      THEN btrim(regexp_replace(regexp_replace(lower(o.value->>'name'), $3::text, ' ', 'g'), '\\s+', ' ', 'g')) END AS stripped
  FROM instances i CROSS JOIN LATERAL jsonb_array_elements(i.outcomes) o
  WHERE jsonb_array_length(i.n) > 0
), unknown AS (
  -- Outcome names the mapping does not name (a SportyBet name also counts as named once its line is taken out).
  SELECT run_id, c, p, name, coalesce(stripped, exact) AS key
  FROM names WHERE NOT (n ? exact) AND NOT coalesce(n ? stripped, false)
), new_names AS (
  SELECT u.c, u.p, array_agg(DISTINCT u.name ORDER BY u.name) AS names
  FROM unknown u
  WHERE u.run_id = $1::int
    AND NOT EXISTS (SELECT 1 FROM unknown v WHERE v.run_id <> $1::int AND v.c = u.c AND v.p = u.p AND v.key = u.key)
  GROUP BY u.c, u.p
), resolved AS (
  UPDATE coverage_alerts a SET resolved_at = now(), resolved_run_id = $1::int
  FROM offered o
  WHERE a.resolved_at IS NULL AND a.canonical_id = o.c AND a.platform = o.p::"Platform" AND o.now > 0
    AND (a.kind = 'dropped' OR NOT EXISTS (SELECT 1 FROM unknown u WHERE u.run_id = $1::int AND u.c = o.c AND u.p = o.p))
  RETURNING a.id
), raised AS (
  SELECT o.c, o.p, 'dropped' AS kind, r.prev_run, r.prev_events, o.before, r.events, 0 AS offered, ARRAY[]::text[] AS names
  FROM offered o JOIN runs r ON r.platform = o.p
  WHERE o.now = 0 AND r.prev_events >= $4::int AND o.before * 2 > r.prev_events AND r.events * 2 >= r.prev_events
  UNION ALL
  SELECT o.c, o.p, 'outcomes_changed', r.prev_run, r.prev_events, o.before, r.events, o.now, n.names[1:${NEW_NAMES_CAP}]
  FROM new_names n JOIN offered o ON o.c = n.c AND o.p = n.p JOIN runs r ON r.platform = n.p
  WHERE o.before > 0
), inserted AS (
  INSERT INTO coverage_alerts (canonical_id, mapping_name, platform, market_key, kind, run_id, details)
  SELECT x.c, k.name, x.p::"Platform", k.k, x.kind, $1::int,
    jsonb_build_object('previousRunId', x.prev_run, 'previousEvents', x.prev_events, 'previousOffered', x.before,
      'events', x.events, 'offered', x.offered, 'newNames', to_jsonb(x.names))
  FROM raised x JOIN known k ON k.c = x.c AND k.p = x.p
  ORDER BY x.p, x.c, x.kind
  ON CONFLICT (canonical_id, platform, kind) WHERE resolved_at IS NULL DO NOTHING
  RETURNING ${alertColumns("coverage_alerts")}
)
SELECT
  (SELECT coalesce(jsonb_agg(to_jsonb(i) ORDER BY i.id), '[]'::jsonb) FROM inserted i) AS raised,
  (SELECT coalesce(jsonb_agg(r.id ORDER BY r.id), '[]'::jsonb) FROM resolved r) AS resolved`;

/** An alert's columns under the contract's names (camelCase), for RETURNING and SELECT alike. */
export function alertColumns(table: string): string {
  return [
    "id",
    'canonical_id AS "canonicalId"',
    'mapping_name AS "mappingName"',
    "platform::text AS platform",
    'market_key AS "marketKey"',
    "kind",
    'run_id AS "runId"',
    "details",
    'created_at AS "createdAt"',
    'resolved_at AS "resolvedAt"',
    'resolved_run_id AS "resolvedRunId"',
    'dismissed_by AS "dismissedBy"',
  ]
    .map((c) => `${table}.${c}`)
    .join(", ");
}
