// GET /api/unmapped/{id}/trend: a market's sightings and events in each of the last runs that are
// over, oldest first, 0 where a run did not sight it (market_run_counts has rows only for runs that
// did). The same runs, in the same order, as the list's `trend` column (server/discovery/list-sql.ts).
import type { Trend } from "@/lib/contract/unmapped";
import type { Database } from "@/server/db/client";
import { notFound } from "@/server/http/errors";

const TREND_SQL = `SELECT r.id, to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS started_at,
    COALESCE(c.sightings, 0) AS sightings, COALESCE(c.events, 0) AS events
  FROM (SELECT id, started_at FROM scrape_runs WHERE status <> 'running' ORDER BY id DESC LIMIT $2) r
  LEFT JOIN market_run_counts c ON c.market_id = $1 AND c.run_id = r.id
  ORDER BY r.id`;

export class TrendService {
  constructor(private readonly db: Database) {}

  async trend(id: number, runs: number): Promise<Trend> {
    const [market] = await this.db.query(`SELECT 1 FROM unmapped_markets WHERE id = $1`, [id]);
    if (!market) throw notFound(`Unmapped market ${id}`);
    const rows = await this.db.query<{ id: number; started_at: string; sightings: number; events: number }>(TREND_SQL, [id, runs]);
    return {
      runs: rows.map((r) => ({ runId: Number(r.id), startedAt: r.started_at, sightings: Number(r.sightings), events: Number(r.events) })),
    };
  }
}
