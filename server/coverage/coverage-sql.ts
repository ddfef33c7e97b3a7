// The coverage watch's statements (see coverage-watch.ts and docs/DECISIONS.md, "Coverage watch"):
// set-based over the price snapshot, the same SQL on PGlite and PostgreSQL. A run's end reads one
// summary per platform (the heavy part, as background work) and then writes once, in a transaction.
//   $1 the run id
//   $2 (SUMMARY_SQL) one platform's watched mappings, JSON [{c: canonical id, p: platform, k: the
//      platform's market key, n: the outcome names it names (SportyBet descs lower-cased, Bet9ja
//      suffixes)}]
//   $3 (SUMMARY_SQL) the pattern of a line inside a SportyBet outcome name ("Over 2.5", "Home (-0.5)")
import { NEW_NAMES_CAP } from "@/lib/contract/coverage";

/**
 * The read, one platform at a time ($2 holds one platform's watched mappings): per watched mapping,
 * its market instances in this run and the previous one (the latest earlier run with events of the
 * platform), read by the snapshot's key (run, platform, market key), summed up per mapping: events
 * offering it in each run, and the outcome names the mapping does not name (a SportyBet name also
 * counts as named once a line inside it is taken out), this run's and those new since the previous
 * run. Instances are first collapsed per match and per distinct outcome-name list, so the names are
 * unnested and compared once per distinct list, not once per instance (which cost seconds a run).
 */
export const SUMMARY_SQL = `
WITH known AS (
  SELECT k.c, k.p, k.k, k.n FROM jsonb_to_recordset($2::jsonb) AS k(c text, p text, k text, n jsonb)
), plat AS (
  SELECT p.p AS platform,
    (SELECT count(*) FROM snapshot_events e WHERE e.run_id = $1::int AND e.event_ids ? p.p)::int AS events,
    (SELECT max(e.run_id) FROM snapshot_events e WHERE e.run_id < $1::int AND e.event_ids ? p.p) AS prev_run
  FROM (SELECT DISTINCT known.p FROM known) p
), runs AS (
  SELECT plat.*, (SELECT count(*) FROM snapshot_events e WHERE e.run_id = plat.prev_run AND e.event_ids ? plat.platform)::int AS prev_events
  FROM plat
), instances AS (
  SELECT m.run_id, k.c, m.match_id, m.line, m.mapped, jsonb_path_query_array(m.outcomes, '$[*].name') AS names
  FROM runs r
  JOIN known k ON k.p = r.platform
  -- Lateral, so each mapping's rows are found through the key's index, whatever the planner guesses of the JSON.
  CROSS JOIN LATERAL (
    SELECT * FROM snapshot_markets m
    WHERE m.run_id = ANY (ARRAY[$1::int, r.prev_run]) AND m.platform = k.p::"Platform" AND m.market_key = k.k
  ) m
), per_match AS (
  SELECT run_id, c, bool_or(mapped) AS mapped FROM instances GROUP BY run_id, c, match_id
), offered AS (
  -- now: events of this run offering the market at all; before: events of the previous run offering it mapped.
  SELECT c, count(*) FILTER (WHERE run_id = $1::int)::int AS now, count(*) FILTER (WHERE run_id <> $1::int AND mapped)::int AS before
  FROM per_match GROUP BY c
), lists AS (
  SELECT DISTINCT run_id, c, line <> '' AS lined, names FROM instances
), names AS (
  SELECT DISTINCT l.run_id, l.c, k.n, x.name,
    CASE WHEN k.p = 'sportybet' THEN lower(x.name) ELSE x.name END AS exact,
    CASE WHEN k.p = 'sportybet' AND l.lined
      THEN btrim(regexp_replace(regexp_replace(lower(x.name), $3::text, ' ', 'g'), '\\s+', ' ', 'g')) END AS stripped
  FROM lists l JOIN known k ON k.c = l.c CROSS JOIN LATERAL jsonb_array_elements_text(l.names) AS x(name)
  WHERE jsonb_array_length(k.n) > 0
), unknown AS (
  SELECT run_id, c, name, coalesce(stripped, exact) AS key FROM names WHERE NOT (n ? exact) AND NOT coalesce(n ? stripped, false)
)
SELECT k.c, k.p, k.k, r.prev_run AS "prevRun", r.prev_events AS "prevEvents", r.events, o.now, o.before,
  ARRAY(SELECT DISTINCT u.name FROM unknown u WHERE u.run_id = $1::int AND u.c = k.c ORDER BY 1) AS "unknownNow",
  ARRAY(
    SELECT DISTINCT u.name FROM unknown u
    WHERE u.run_id = $1::int AND u.c = k.c
      AND NOT EXISTS (SELECT 1 FROM unknown v WHERE v.run_id <> $1::int AND v.c = u.c AND v.key = u.key)
    ORDER BY 1
  ) AS "newNames"
FROM known k JOIN runs r ON r.platform = k.p JOIN offered o ON o.c = k.c`;

/**
 * The write, in the transaction of the webhook event: from the summaries ($2, SUMMARY_SQL's rows
 * with each mapping's name, for the platforms compared), the open alerts this run resolves
 * (dropped: the market is offered again; outcomes_changed: offered with every name matching again)
 * and the new ones (one open per mapping, platform and kind, by the partial unique index).
 * Resolving and raising never meet on one alert: each pair of conditions excludes the other.
 * $3: the fewest events the previous run must have had on a platform for "dropped".
 */
export const WRITE_SQL = `
WITH s AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS s(c text, p text, k text, name text, "prevRun" int, "prevEvents" int,
    events int, now int, before int, "unknownNow" text[], "newNames" text[])
), resolved AS (
  UPDATE coverage_alerts a SET resolved_at = now(), resolved_run_id = $1::int
  FROM s
  WHERE a.resolved_at IS NULL AND a.canonical_id = s.c AND a.platform = s.p::"Platform" AND s.now > 0
    AND (a.kind = 'dropped' OR cardinality(s."unknownNow") = 0)
  RETURNING a.id
), raised AS (
  SELECT s.*, 'dropped' AS kind, 0 AS offered, ARRAY[]::text[] AS names FROM s
  WHERE s.now = 0 AND s."prevEvents" >= $3::int AND s.before * 2 > s."prevEvents" AND s.events * 2 >= s."prevEvents"
  UNION ALL
  SELECT s.*, 'outcomes_changed', s.now, s."newNames"[1:${NEW_NAMES_CAP}] FROM s
  WHERE cardinality(s."newNames") > 0 AND s.before > 0
), inserted AS (
  INSERT INTO coverage_alerts (canonical_id, mapping_name, platform, market_key, kind, run_id, details)
  SELECT x.c, x.name, x.p::"Platform", x.k, x.kind, $1::int,
    jsonb_build_object('previousRunId', x."prevRun", 'previousEvents', x."prevEvents", 'previousOffered', x.before,
      'events', x.events, 'offered', x.offered, 'newNames', to_jsonb(x.names))
  FROM raised x
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
