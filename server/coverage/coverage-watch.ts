// The coverage watch: at each run's end, after the run's price snapshot is written and before the
// older runs are pruned, it compares each watched mapping's market instances of this run with the
// previous run's, per platform whose part of the run completed (one read per platform, as
// background work), and raises or resolves coverage alerts in one write (coverage-sql.ts). What it
// raises goes out as a webhook event written in the same transaction and, after the commit, as a
// coverage_alert socket message. It never fails the run: a failed watch is logged and the next run
// compares again. See docs/DECISIONS.md, "Coverage watch".
import { COVERAGE_MESSAGE_CAP, type CoverageAlert, type CoverageChange } from "@/lib/contract/coverage";
import { PLATFORMS, type Platform } from "@/lib/contract/enums";
import type { SourceRunStats } from "@/lib/contract/scrape";
import type { Database } from "@/server/db/client";
import type { Log } from "@/server/log";
import type { MappingEntry } from "@/server/mapping/catalog";
import type { Publisher } from "@/server/realtime/publisher";
import type { WebhookOutbox } from "@/server/webhooks/outbox";
import { yieldToEventLoop } from "@/server/util/yield";
import { SUMMARY_SQL, WRITE_SQL } from "./coverage-sql";

/**
 * "Dropped" needs the previous run to have had at least this many events of the platform: below
 * it, "offered in most events" is one or two matches, whose markets come and go with the fixtures.
 */
const MIN_PREVIOUS_EVENTS = 3;
/**
 * Watched mappings per read: each read is one statement over their instances of two runs, so the
 * database is held for a bounded piece at a time (about half a second at real scale on a loaded
 * 2-core machine, bench/coverage.ts), not for the whole watch.
 */
const MAPPINGS_PER_READ = 8;
/** A line inside a SportyBet outcome name: "Over 2.5", "Home (-0.5)", "Home (0:1)". */
const LINE_IN_NAME = String.raw`\(?[+-]?\d+(\.\d+)?(:[+-]?\d+(\.\d+)?)?\)?`;

/** One watched mapping on one platform, as the statement reads it ($2). */
interface Watched {
  c: string;
  p: Platform;
  k: string;
  name: string;
  n: string[];
}

const isPlatform = (key: string): key is Platform => (PLATFORMS as readonly string[]).includes(key);

/**
 * The platforms whose part of the run completed: events fetched, none failed, no error recorded
 * (a failed tournament or discovery), the snapshot fully written, the run not stopped. A failed or
 * partial scrape is no evidence that a market was dropped. An error on a source that is not one
 * platform (the demo feed serves both) counts against both.
 */
export function completedPlatforms(
  stats: ReadonlyMap<string, SourceRunStats>,
  snapshotFailed: ReadonlyMap<Platform, number>,
  aborted: boolean,
): Platform[] {
  if (aborted) return [];
  for (const [key, s] of stats) if (!isPlatform(key) && (s.errors.length > 0 || s.eventsFailed > 0)) return [];
  return PLATFORMS.filter((p) => {
    const s = stats.get(p);
    return s !== undefined && s.events > 0 && s.eventsFailed === 0 && s.errors.length === 0 && !snapshotFailed.get(p);
  });
}

/**
 * The mappings to watch on these platforms: those with a betpawa counterpart (the others are never
 * mapped) and a market key on the platform that no other mapping claims too (a Bet9ja HAOU-type
 * key maps to two canonical markets: its instances belong to neither alone).
 */
function watchedMappings(entries: readonly MappingEntry[], platforms: readonly Platform[]): Watched[] {
  const all: Watched[] = [];
  for (const e of entries) {
    if (e.betpawaId === null) continue;
    const outcomes = Array.isArray(e.outcomes) ? e.outcomes : [];
    for (const p of platforms) {
      const k = p === "sportybet" ? e.sportybetId : e.bet9jaKey;
      if (k === null) continue;
      const names = outcomes.map((o) => (p === "sportybet" ? o.sportybetDesc?.toLowerCase() : o.bet9jaSuffix));
      all.push({ c: e.canonicalId, p, k, name: e.name, n: [...new Set(names.filter((x): x is string => typeof x === "string"))] });
    }
  }
  const claims = new Map<string, number>();
  for (const w of all) claims.set(`${w.p}\n${w.k}`, (claims.get(`${w.p}\n${w.k}`) ?? 0) + 1);
  return all.filter((w) => claims.get(`${w.p}\n${w.k}`) === 1);
}

/** One watched mapping's figures for the run, as SUMMARY_SQL sums them up. */
interface Summary {
  c: string;
  p: Platform;
  k: string;
  prevRun: number | null;
  prevEvents: number;
  events: number;
  now: number;
  before: number;
  unknownNow: string[];
  newNames: string[];
}

/** An alert as a statement returns it (to_jsonb of the row: timestamps as PostgreSQL writes them). */
export type AlertRow = Omit<CoverageAlert, "createdAt" | "resolvedAt"> & { createdAt: string | Date; resolvedAt: string | Date | null };

const iso = (t: string | Date) => new Date(t).toISOString();
export const toAlert = (r: AlertRow): CoverageAlert => ({
  ...r,
  createdAt: iso(r.createdAt),
  resolvedAt: r.resolvedAt === null ? null : iso(r.resolvedAt),
});

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class CoverageWatch {
  constructor(
    private readonly db: Database,
    private readonly publisher: Publisher,
    private readonly outbox: WebhookOutbox | null = null,
    private readonly minPreviousEvents = MIN_PREVIOUS_EVENTS,
  ) {}

  /**
   * Compares run `runId` with the previous one on `platforms` (completedPlatforms) against the
   * mappings in effect (`entries`). Never throws: returns what changed, or null when it failed.
   */
  async afterRun(
    runId: number,
    platforms: readonly Platform[],
    entries: readonly MappingEntry[],
    log: Log,
  ): Promise<CoverageChange | null> {
    const watched = watchedMappings(entries, platforms);
    if (watched.length === 0) return { runId, count: 0, alerts: [], resolved: [] };
    try {
      // The reading is the heavy part: background work (on PGlite, requests waiting go first), one
      // platform at a time with a turn of the event loop between, outside any transaction.
      const summaries: Summary[] = [];
      for (const p of platforms) {
        const mine = watched.filter((w) => w.p === p);
        for (let i = 0; i < mine.length; i += MAPPINGS_PER_READ) {
          const chunk = JSON.stringify(mine.slice(i, i + MAPPINGS_PER_READ));
          summaries.push(...(await this.db.queryBulk<Summary>(SUMMARY_SQL, [runId, chunk, LINE_IN_NAME])));
          await yieldToEventLoop();
        }
      }
      const names = new Map(watched.map((w) => [`${w.p}\n${w.c}`, w.name]));
      const rows = summaries.map((r) => ({ ...r, name: names.get(`${r.p}\n${r.c}`) ?? r.c }));
      const change = await this.db.prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRawUnsafe<{ raised: AlertRow[]; resolved: number[] }[]>(
          WRITE_SQL,
          runId,
          JSON.stringify(rows),
          this.minPreviousEvents,
        );
        const alerts = row.raised.map(toAlert);
        const change: CoverageChange = {
          runId,
          count: alerts.length,
          alerts: alerts.slice(0, COVERAGE_MESSAGE_CAP),
          resolved: row.resolved.slice(0, COVERAGE_MESSAGE_CAP),
        };
        // Raised alerts and their event commit together, like every other event (the outbox).
        if (alerts.length > 0) await this.outbox?.write(tx, "mapping.coverage_dropped", change);
        return change;
      });
      if (change.count > 0) this.outbox?.wakeFor("mapping.coverage_dropped");
      if (change.count > 0 || change.resolved.length > 0) {
        this.publisher.publish("coverage_alert", change);
        log.info(`[coverage] ${change.count} coverage alerts raised, ${change.resolved.length} resolved`);
      }
      return change;
    } catch (e) {
      log.warn(`[coverage] the coverage watch failed (the next run compares again): ${message(e)}`);
      return null;
    }
  }
}
