// The flush statement's outbox part (flush-sql.ts): the markets a chunk announces, as one webhook
// event per cause (unmapped.discovered, .regressed, .unsnoozed, .escalating) carrying at most
// ALERT_MARKETS_CAP of them with the full count, the same body as the socket's unmapped_alert, and
// a delivery to each active endpoint subscribed to it. Written by the statement that writes the
// markets, so an event exists exactly when its change committed; a retried chunk that committed
// before fails on its batch id, so its events are never written twice. $3 is the subscribed types:
// with none ('{}') nothing is aggregated or written.
import { ALERT_MARKETS_CAP } from "@/lib/contract/realtime";

export const WEBHOOK_CTE = `hook_events AS (
  INSERT INTO webhook_events (id, type, payload)
  SELECT gen_random_uuid(), g.type, jsonb_build_object('type', g.type,
      'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', jsonb_build_object('count', g.n, 'markets', g.markets))
  FROM (
    SELECT 'unmapped.' || CASE a.cause WHEN 'new' THEN 'discovered' ELSE a.cause END AS type, count(*)::int AS n,
      jsonb_path_query_array(jsonb_agg(jsonb_build_object('id', a.id, 'source', a.source, 'externalMarketId', a.external_market_id,
        'marketName', a.market_name, 'reason', a.reason, 'regressed', a.cause = 'regressed', 'cause', a.cause) ORDER BY a.id),
        '$[0 to ${ALERT_MARKETS_CAP - 1}]') AS markets
    FROM caused a
    WHERE a.cause IS NOT NULL AND cardinality($3::text[]) > 0
    GROUP BY 1
  ) g
  WHERE g.type = ANY($3::text[])
  RETURNING id, type
), hook_deliveries AS (
  INSERT INTO webhook_deliveries (event_id, endpoint_id)
  SELECT h.id, e.id FROM hook_events h JOIN webhook_endpoints e ON e.active AND h.type = ANY(e.events)
  ORDER BY h.type, e.id
)`;
