// Counts by status, platform and reason, and coverage (mapped sightings / all sightings) per run.
// The counts come from market_counts (at most 32 rows, kept by triggers on unmapped_markets), so
// the stats cost the same at 100 markets or 1,000,000: unmapped_markets is never scanned here.
import type { Stats } from "@/lib/contract/stats";
import { PLATFORMS, REASONS, STATUSES, type Platform, type RunStatus, type TriageStatus, type UnmappedReason } from "@/lib/contract/enums";
import type { SourceRunStats } from "@/lib/contract/scrape";
import type { Database } from "@/server/db/client";
import { isoColumn, jsonColumn } from "@/server/db/columns";
import { SharedReads } from "./shared-reads";

interface RunRow {
  id: number;
  started_at: Date | string;
  finished_at: Date | string | null;
  status: RunStatus;
  sources: Record<string, SourceRunStats> | string | null;
  markets: number;
  mapped: number;
  new_markets: number;
}

interface CountRow {
  source: Platform;
  status: TriageStatus;
  reason: UnmappedReason;
  n: number | string;
}

/** The counters (at most 32 rows) and the latest $1 finished runs, newest first, as two JSON arrays. */
const STATS_SQL = `
SELECT
  (SELECT json_agg(json_build_object('source', source, 'status', status, 'reason', reason, 'n', n))
   FROM market_counts WHERE n <> 0) AS counts,
  (SELECT json_agg(r) FROM (
     SELECT id, started_at, finished_at, status, sources, markets, mapped, new_markets
     FROM scrape_runs WHERE status <> 'running' ORDER BY started_at DESC, id DESC LIMIT $1) r) AS runs`;

const sourcesOf = (r: RunRow): Record<string, SourceRunStats> => jsonColumn(r.sources, {});

const zeroes = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TriageStatus, number>;

function coverageOf(sources: Record<string, SourceRunStats>) {
  return Object.fromEntries(
    Object.entries(sources).map(([name, s]) => [
      name,
      { markets: s.markets, mapped: s.mapped, new: s.new, coverage: s.markets > 0 ? s.mapped / s.markets : null },
    ]),
  );
}

type StatsRow = { counts: CountRow[] | string | null; runs: RunRow[] | string | null };

export class StatsService {
  /** Dashboards asking at the same moment share one statement (shared-reads.ts); the row is read, never changed. */
  private readonly reads = new SharedReads<StatsRow>();

  constructor(private readonly db: Database) {}

  async get(runLimit: number): Promise<Stats> {
    // One statement, raw and shared: every open dashboard asks for the stats, all at once when a
    // flush announces new markets, and on the embedded database each statement waits its turn on
    // the one connection (32 dashboards asking at once queued 32 of them). On PostgreSQL it stays
    // prepared: its text never changes.
    const row = await this.reads.read(String(runLimit), async () => {
      const [r] = await this.db.query<StatsRow>(STATS_SQL, [runLimit], { prepare: true });
      return r;
    });
    const counts = jsonColumn<CountRow[]>(row.counts, []);
    // A copy: the parsed rows may be shared with other requests, and this one reverses them.
    const runs = [...jsonColumn<RunRow[]>(row.runs, [])];
    const byStatus = zeroes();
    const byPlatform = Object.fromEntries(PLATFORMS.map((p) => [p, zeroes()])) as Record<Platform, Record<TriageStatus, number>>;
    const byReason = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<UnmappedReason, number>;
    for (const c of counts) {
      byStatus[c.status] += Number(c.n);
      byPlatform[c.source][c.status] += Number(c.n);
      byReason[c.reason] += Number(c.n);
    }
    const trend = runs.reverse().map((r) => {
      const sources = sourcesOf(r);
      return {
        id: Number(r.id),
        startedAt: isoColumn(r.started_at),
        status: r.status,
        coverage: r.markets > 0 ? Number(r.mapped) / Number(r.markets) : null,
        newMarkets: Number(r.new_markets),
        perPlatform: coverageOf(sources),
      };
    });
    const last = runs.at(-1);
    return {
      byStatus,
      byPlatform,
      byReason,
      total: Object.values(byStatus).reduce((a, b) => a + b, 0),
      lastRun: last
        ? {
            id: Number(last.id),
            status: last.status,
            finishedAt: last.finished_at === null ? null : isoColumn(last.finished_at),
            coverage: coverageOf(sourcesOf(last)),
          }
        : null,
      runs: trend,
    };
  }
}
