// Reads the price snapshot (server/snapshot/) for price-aware mapping: one market's instances, and
// the instances other platforms offered in the same matches, either of a canonical market (a
// mapping's markets) or of named platform markets (other unmapped markets). Each read names the
// kept runs first, so the primary key (run_id, platform, market_key, line, match_id) and the partial
// (match_id, canonical_id, line) index serve it instead of a scan of the table.
import type { Platform } from "@/lib/contract/enums";
import type { Database } from "@/server/db/client";
import { jsonColumn } from "@/server/db/columns";

export interface PriceRow {
  runId: number;
  matchId: string;
  platform: Platform;
  marketKey: string;
  line: string;
  canonicalId: string | null;
  outcomes: Array<{ name: string; odds: number | null }>;
}

interface Row {
  run_id: number;
  match_id: string;
  platform: Platform;
  market_key: string;
  line: string;
  canonical_id: string | null;
  outcomes: PriceRow["outcomes"] | string;
}

const COLUMNS = `s.run_id, s.match_id, s.platform::text AS platform, s.market_key, s.line, s.canonical_id, s.outcomes`;

const toRow = (r: Row): PriceRow => ({
  runId: Number(r.run_id),
  matchId: r.match_id,
  platform: r.platform,
  marketKey: r.market_key,
  line: r.line,
  canonicalId: r.canonical_id,
  outcomes: jsonColumn(r.outcomes),
});

/**
 * Keeps each (platform, market, match, line)'s latest run only: prices move between runs, and a
 * match offered in both kept runs would otherwise count twice.
 */
export function latestOnly(rows: readonly PriceRow[]): PriceRow[] {
  const latest = new Map<string, PriceRow>();
  for (const r of rows) {
    const key = `${r.platform}\u0000${r.marketKey}\u0000${r.matchId}\u0000${r.line}`;
    const seen = latest.get(key);
    if (!seen || seen.runId < r.runId) latest.set(key, r);
  }
  return [...latest.values()];
}

export class SnapshotPrices {
  constructor(private readonly db: Database) {}

  /** The runs the snapshot holds, newest first (SNAPSHOT_RUNS of them, a handful). */
  async runs(): Promise<number[]> {
    const rows = await this.db.query<{ run_id: number }>(`SELECT DISTINCT run_id FROM snapshot_events ORDER BY run_id DESC`);
    return rows.map((r) => Number(r.run_id));
  }

  /** Every instance of one platform market in the kept runs. */
  async ofMarket(runs: readonly number[], platform: Platform, marketKey: string): Promise<PriceRow[]> {
    if (runs.length === 0) return [];
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM snapshot_markets s
       WHERE run_id = ANY($1::int[]) AND platform = $2::"Platform" AND market_key = $3`,
      [runs, platform, marketKey],
    );
    return rows.map(toRow);
  }

  /** The instances of these canonical markets in these matches, on every platform but `except`. */
  async ofCanonicals(matches: readonly string[], canonicalIds: readonly string[], except: Platform): Promise<PriceRow[]> {
    if (matches.length === 0 || canonicalIds.length === 0) return [];
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM snapshot_markets s
       WHERE match_id = ANY($1::text[]) AND canonical_id = ANY($2::text[]) AND platform <> $3::"Platform"`,
      [matches, canonicalIds, except],
    );
    return rows.map(toRow);
  }

  /** The instances of these platform markets in these matches. */
  async ofMarkets(
    runs: readonly number[],
    markets: ReadonlyArray<{ platform: Platform; marketKey: string }>,
    matches: readonly string[],
  ): Promise<PriceRow[]> {
    if (runs.length === 0 || markets.length === 0 || matches.length === 0) return [];
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM snapshot_markets s
       JOIN unnest($2::text[], $3::text[]) AS m(platform, market_key)
         ON s.platform = m.platform::"Platform" AND s.market_key = m.market_key
       WHERE s.run_id = ANY($1::int[]) AND s.match_id = ANY($4::text[])`,
      [runs, markets.map((m) => m.platform), markets.map((m) => m.marketKey), matches],
    );
    return rows.map(toRow);
  }
}
