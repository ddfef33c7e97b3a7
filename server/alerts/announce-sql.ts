// The announce step's statement (see announcer.ts): it claims flush batches whose announcements
// have not been turned into notifications yet, writes one webhook event per cause for all of them
// (unmapped.discovered, .regressed, .unsnoozed, .escalating: the count and at most
// ALERT_MARKETS_CAP markets) with a delivery to each active endpoint subscribed, and answers, per
// enabled alert rule, how many of the markets it matches and the first ALERT_MARKETS_CAP of them.
// Claiming (announced_at) and writing the events are one statement, so each batch's markets are in
// exactly one event whatever fails or runs twice.
//
// $1: the batch ids of a flush (text of a uuid[]); $2: also claim batches left unannounced for
// longer than this many ms (a process died between its flush and its announce step), or null;
// $3: at most this many batches.
import { ALERT_MARKETS_CAP } from "@/lib/contract/realtime";

/** A rule's pattern as a LIKE pattern: contains it, * is any text, % _ and \ literal. */
const LIKE_OF_PATTERN = `'%' || replace(replace(replace(replace(r.pattern, '\\', '\\\\'), '%', '\\%'), '_', '\\_'), '*', '%') || '%'`;

const PRIORITY_OF = `(SELECT m.priority_raw - extract(epoch FROM now())::float8 / 86400.0 FROM unmapped_markets m WHERE m.id = j.id)`;
const RUN_SIGHTINGS_OF = `(SELECT m.last_run_sightings FROM unmapped_markets m WHERE m.id = j.id)`;

/** A rule's conditions over a market j; each one left empty (or null) matches anything. */
const MATCHES = `(cardinality(COALESCE(r.platforms, '{}')) = 0 OR j.source = ANY(r.platforms))
    AND (cardinality(COALESCE(r.reasons, '{}')) = 0 OR j.reason = ANY(r.reasons))
    AND (cardinality(COALESCE(r.causes, '{}')) = 0 OR j.cause = ANY(r.causes))
    AND (r.min_priority IS NULL OR ${PRIORITY_OF} >= r.min_priority)
    AND (r.min_sightings IS NULL OR ${RUN_SIGHTINGS_OF} >= r.min_sightings)
    AND (r.pattern IS NULL OR j.market_name ILIKE r.like_pattern OR j.external_market_id ILIKE r.like_pattern)`;

const CAPPED = `'$[0 to ${ALERT_MARKETS_CAP - 1}]'`;

export const ANNOUNCE_SQL = `
WITH picked AS (
  -- SKIP LOCKED: a batch another process is claiming right now is its to announce.
  SELECT id FROM flush_batches
  WHERE announced_at IS NULL
    AND (id = ANY($1::uuid[]) OR ($2::int IS NOT NULL AND created_at < now() - $2::int * interval '1 millisecond'))
  ORDER BY created_at LIMIT $3::int
  FOR UPDATE SKIP LOCKED
), claimed AS (
  UPDATE flush_batches b SET announced_at = now() FROM picked
  WHERE b.id = picked.id AND b.announced_at IS NULL
  RETURNING b.announced
), a AS (
  -- One entry per market and cause, whichever batches named it.
  SELECT DISTINCT ON (y.id, y.cause) y.* FROM (
    SELECT x.id, COALESCE(x.cause, CASE WHEN x.regressed THEN 'regressed' ELSE 'new' END) AS cause,
      x.source, x."externalMarketId" AS external_market_id, x."marketName" AS market_name, x.reason
    FROM claimed c, jsonb_to_recordset(c.announced) AS x(id int, cause text, regressed boolean, source text,
      "externalMarketId" text, "marketName" text, reason text)
  ) y
), j AS (
  SELECT a.*, CASE a.cause WHEN 'regressed' THEN 0 WHEN 'unsnoozed' THEN 1 WHEN 'escalating' THEN 2 ELSE 3 END AS rank,
    jsonb_build_object('id', a.id, 'source', a.source, 'externalMarketId', a.external_market_id, 'marketName', a.market_name,
      'reason', a.reason, 'regressed', a.cause = 'regressed', 'cause', a.cause) AS market
  FROM a
), subscribed AS (
  SELECT DISTINCT unnest(events) AS type FROM webhook_endpoints WHERE active AND kind = 'standard'
), hook_events AS (
  INSERT INTO webhook_events (id, type, payload)
  SELECT gen_random_uuid(), g.type, jsonb_build_object('type', g.type,
      'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', jsonb_build_object('count', g.n, 'markets', g.markets))
  FROM (
    SELECT 'unmapped.' || CASE j.cause WHEN 'new' THEN 'discovered' ELSE j.cause END AS type, count(*)::int AS n,
      jsonb_path_query_array(jsonb_agg(j.market ORDER BY j.id), ${CAPPED}) AS markets
    FROM j GROUP BY 1
  ) g
  WHERE g.type IN (SELECT type FROM subscribed)
  ORDER BY g.type
  RETURNING id, type
), hook_deliveries AS (
  INSERT INTO webhook_deliveries (event_id, endpoint_id)
  SELECT h.id, e.id FROM hook_events h JOIN webhook_endpoints e ON e.active AND e.kind = 'standard' AND h.type = ANY(e.events)
  ORDER BY h.type, e.id
  RETURNING 1
), rules AS (
  SELECT r.*, ${LIKE_OF_PATTERN} AS like_pattern FROM alert_rules r WHERE r.enabled
), matched AS (
  SELECT r.id AS rule_id, count(*)::int AS n, jsonb_path_query_array(jsonb_agg(j.market ORDER BY j.rank, j.id), ${CAPPED}) AS markets
  FROM j JOIN rules r ON ${MATCHES}
  GROUP BY r.id
)
SELECT rule_id::text AS rule_id, n, markets, NULL::int AS deliveries, NULL::int AS batches FROM matched
UNION ALL
SELECT NULL, (SELECT count(*) FROM a)::int, NULL, (SELECT count(*) FROM hook_deliveries)::int, (SELECT count(*) FROM claimed)::int`;
