// Counts by status, platform and reason, and coverage (mapped sightings / all sightings) per run.
// The counts come from market_counts (at most 32 rows, kept by triggers on unmapped_markets), so
// the stats cost the same at 100 markets or 1,000,000: unmapped_markets is never scanned here.
import type { Stats } from "@/lib/contract/stats";
import { PLATFORMS, REASONS, STATUSES, type Platform, type TriageStatus, type UnmappedReason } from "@/lib/contract/enums";
import type { SourceRunStats } from "@/lib/contract/scrape";
import type { Database } from "@/server/db/client";

const zeroes = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TriageStatus, number>;

function coverageOf(sources: Record<string, SourceRunStats>) {
  return Object.fromEntries(
    Object.entries(sources).map(([name, s]) => [
      name,
      { markets: s.markets, mapped: s.mapped, new: s.new, coverage: s.markets > 0 ? s.mapped / s.markets : null },
    ]),
  );
}

export class StatsService {
  constructor(private readonly db: Database) {}

  async get(runLimit: number): Promise<Stats> {
    const [counts, runs] = await Promise.all([
      this.db.query<{ source: Platform; status: TriageStatus; reason: UnmappedReason; n: number | string }>(
        `SELECT source::text AS source, status::text AS status, reason::text AS reason, n FROM market_counts WHERE n <> 0`,
      ),
      this.db.prisma.scrapeRun.findMany({
        where: { status: { not: "running" } },
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        take: runLimit,
      }),
    ]);
    const byStatus = zeroes();
    const byPlatform = Object.fromEntries(PLATFORMS.map((p) => [p, zeroes()])) as Record<Platform, Record<TriageStatus, number>>;
    const byReason = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<UnmappedReason, number>;
    for (const c of counts) {
      byStatus[c.status] += Number(c.n);
      byPlatform[c.source][c.status] += Number(c.n);
      byReason[c.reason] += Number(c.n);
    }
    const trend = runs.reverse().map((r) => {
      const sources = (r.sources ?? {}) as Record<string, SourceRunStats>;
      return {
        id: r.id,
        startedAt: r.startedAt.toISOString(),
        status: r.status,
        coverage: r.markets > 0 ? r.mapped / r.markets : null,
        newMarkets: r.newMarkets,
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
            id: last.id,
            status: last.status,
            finishedAt: last.finishedAt?.toISOString() ?? null,
            coverage: coverageOf((last.sources ?? {}) as Record<string, SourceRunStats>),
          }
        : null,
      runs: trend,
    };
  }
}
