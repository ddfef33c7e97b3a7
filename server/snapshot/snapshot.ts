// The price snapshot: every market instance (mapped or not) of every event of the latest
// SNAPSHOT_RUNS runs, with its outcomes' odds, by SportRadar match id, so prices can be compared
// across platforms. The coordinator hands each scraped event over as it parses it; the rows are
// written in bulk at the coordinator's flush points and then dropped, so memory holds at most one
// flush interval's rows. A write that fails is logged and counted, never fails the run: this is a
// cache of the latest prices, not a record of sightings. See docs/DECISIONS.md, "The price snapshot".
import type { Platform } from "@/lib/contract/enums";
import type { Database } from "@/server/db/client";
import { log as rootLog, type Log } from "@/server/log";
import type { DiscoveredEvent, ScrapedEvent, Sighting } from "@/server/scraping/types";
import { yieldToEventLoop } from "@/server/util/yield";
import { EVENTS_SQL, KEEP_FROM_SQL, MARKETS_SQL, PAGES_SQL, pruneSql } from "./snapshot-sql";

/**
 * Rows per statement. A snapshot row is a plain insert (no upsert logic, no RETURNING, one
 * index: the key), about 20 us of PGlite's time, so a 1,000-row statement holds it about as long as a
 * 100-row flush chunk does (a request on PGlite waits behind the statement running); fewer,
 * larger statements cut the per-statement cost that 500-row chunks paid on every 500 rows.
 */
const SNAPSHOT_CHUNK_ROWS = { pglite: 1_000, postgres: 2_000 } as const;
/**
 * Market instances handed to the writer and not yet written, beyond which the scrape waits for
 * the writer (backlog()): about three flush intervals of 50 events at 150 instances, some 10 MB.
 * Without it a source faster than the database (the demo, in memory) piled a whole run up.
 */
const MAX_QUEUED_ROWS = 25_000;
/** Pages (8 kB) one pruning statement reads: about 30,000 snapshot rows. */
const PRUNE_PAGES = 1_000;
/** Runs ids are int4: pruning "before" this deletes every run. */
const ALL_RUNS = 2_147_483_647;

interface EventRow {
  m: string;
  k: string | null;
  i: Record<string, string>;
  h: string | null;
  a: string | null;
}

interface MarketRow {
  matchId: string;
  sighting: Sighting;
  mapped: boolean;
  canonicalId: string | null;
}

export interface SnapshotOptions {
  /** SNAPSHOT_RUNS: runs kept; 0 writes nothing (and clears what an earlier setting left). */
  runs: number;
  chunkRows?: number;
}

/** What a run's snapshot did, per platform where it matters to the run's statistics. */
export interface SnapshotReport {
  events: number;
  markets: number;
  /** Events left out for want of a match id. */
  skipped: Map<Platform, number>;
  /** Market instances a failed statement did not write. */
  failed: Map<Platform, number>;
  pruned: number;
}

const bump = (map: Map<Platform, number>, key: Platform, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

/** The snapshot of one run, as the coordinator feeds it. */
export class RunSnapshot {
  private events = new Map<string, EventRow>();
  private markets: MarketRow[] = [];
  private writing: Promise<void> = Promise.resolve();
  private queued = 0;
  readonly report: SnapshotReport = { events: 0, markets: 0, skipped: new Map(), failed: new Map(), pruned: 0 };

  constructor(
    private readonly db: Database,
    private readonly runId: number,
    private readonly options: Required<SnapshotOptions>,
    private readonly log: Log,
  ) {}

  private get enabled() {
    return this.options.runs > 0;
  }

  /**
   * One scraped event: returns its match id, or null when it has none (counted; the event stays
   * out of the snapshot) or the snapshot is off. The payload's own fields win over the listing's.
   */
  event(listed: DiscoveredEvent, parsed: ScrapedEvent | undefined): string | null {
    if (!this.enabled) return null;
    const matchId = parsed?.matchId ?? listed.matchId ?? null;
    if (matchId === null) {
      bump(this.report.skipped, listed.source);
      return null;
    }
    const kickoff = validDate(parsed?.kickoff) ?? validDate(listed.startsAt);
    const row = this.events.get(matchId);
    if (row === undefined) {
      this.events.set(matchId, {
        m: matchId,
        k: kickoff,
        i: { [listed.source]: listed.ref },
        h: parsed?.home ?? null,
        a: parsed?.away ?? null,
      });
    } else {
      row.i[listed.source] = listed.ref;
      row.h ??= parsed?.home ?? null;
      row.a ??= parsed?.away ?? null;
    }
    return matchId;
  }

  /** One market instance of an event event() returned `matchId` for. */
  market(matchId: string, sighting: Sighting, mapped: boolean, canonicalId: string | null): void {
    this.markets.push({ matchId, sighting, mapped, canonicalId });
  }

  /** While the writer is more than MAX_QUEUED_ROWS behind: the writes queued so far, for the scrape to wait on. */
  backlog(): Promise<void> | undefined {
    return this.queued > MAX_QUEUED_ROWS ? this.writing : undefined;
  }

  /**
   * Writes what was handed over since the last flush and drops it. Flushes run one after the
   * other (a flush point reached while one is writing queues behind it); never rejects.
   */
  flush(): Promise<void> {
    if (this.events.size === 0 && this.markets.length === 0) return this.writing;
    const events = [...this.events.values()];
    const markets = this.markets;
    this.events = new Map();
    this.markets = [];
    this.queued += markets.length;
    this.writing = this.writing
      .then(() => this.write(events, markets))
      // write() catches its statements' errors; anything else must not break the chain (or the run) either.
      .catch((e) => this.log.warn(`[snapshot] writing failed: ${message(e)}`));
    return this.writing;
  }

  /** The last flush, then the pruning to the latest SNAPSHOT_RUNS runs; returns what the run's snapshot did. */
  async finish(): Promise<SnapshotReport> {
    await this.flush();
    try {
      this.report.pruned = await this.prune();
    } catch (e) {
      this.log.warn(`[snapshot] pruning failed (older runs stay until the next run's end): ${message(e)}`);
    }
    return this.report;
  }

  private async write(events: EventRow[], markets: MarketRow[]): Promise<void> {
    const size = this.options.chunkRows;
    // Events first, so a market's event is there by the time the market is.
    for (let i = 0; i < events.length; i += size) {
      const chunk = events.slice(i, i + size);
      if (!(await this.statement(EVENTS_SQL, JSON.stringify(chunk), "events"))) return this.lose(markets, 0);
      this.report.events += chunk.length;
      await yieldToEventLoop();
    }
    for (let i = 0; i < markets.length; i += size) {
      const chunk = markets.slice(i, i + size);
      if (!(await this.statement(MARKETS_SQL, marketsJson(chunk), "market instances"))) return this.lose(markets, i);
      this.report.markets += chunk.length;
      this.queued -= chunk.length;
      await yieldToEventLoop();
    }
  }

  private async statement(sql: string, json: string, what: string): Promise<boolean> {
    try {
      // queryBulk: on PGlite, requests waiting for the database go first.
      await this.db.queryBulk(sql, [json, this.runId]);
      return true;
    } catch (e) {
      this.log.warn(`[snapshot] writing ${what} failed; this flush's remaining rows are dropped: ${message(e)}`);
      return false;
    }
  }

  /** After a failed statement the database is likely failing: the rest is counted, not sent. */
  private lose(markets: MarketRow[], from: number): void {
    for (let i = from; i < markets.length; i++) bump(this.report.failed, markets[i].sighting.source);
    this.queued -= markets.length - from;
  }

  private async prune(): Promise<number> {
    let keepFrom = ALL_RUNS;
    if (this.enabled) {
      const [row] = await this.db.queryBulk<{ keep_from: number }>(KEEP_FROM_SQL, [this.options.runs, this.runId]);
      keepFrom = row.keep_from;
    }
    let pruned = 0;
    for (const table of ["snapshot_markets", "snapshot_events"] as const) {
      const [{ pages }] = await this.db.queryBulk<{ pages: number }>(PAGES_SQL, [table]);
      for (let from = 0; from < pages; from += PRUNE_PAGES) {
        const [{ n }] = await this.db.queryBulk<{ n: number }>(pruneSql(table), [keepFrom, from, from + PRUNE_PAGES]);
        pruned += n;
        await yieldToEventLoop();
      }
    }
    // The embedded database has no autovacuum: without this, each run's deleted rows would stay on disk.
    if (pruned > 0 && this.db.kind === "pglite") await this.db.exec("VACUUM snapshot_markets, snapshot_events");
    return pruned;
  }
}

/** A chunk of market instances as the statement's JSON parameter. */
function marketsJson(chunk: MarketRow[]): string {
  return JSON.stringify(
    chunk.map(({ matchId, sighting: s, mapped, canonicalId }) => ({
      m: matchId,
      p: s.source,
      k: s.externalMarketId,
      l: s.specifier ?? "",
      x: mapped,
      c: canonicalId,
      o: s.outcomes,
    })),
  );
}

/** ISO text of a usable date; an epoch too large for a Date gives an Invalid Date, whose toISOString throws. */
const validDate = (d: Date | null | undefined) => (d && Number.isFinite(d.getTime()) ? d.toISOString() : null);

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The snapshot as the server holds it: one per process, a RunSnapshot per run. */
export class PriceSnapshot {
  private readonly options: Required<SnapshotOptions>;

  constructor(
    private readonly db: Database,
    options: SnapshotOptions,
  ) {
    this.options = { chunkRows: SNAPSHOT_CHUNK_ROWS[db.kind], ...options };
  }

  begin(runId: number, log: Log = rootLog): RunSnapshot {
    return new RunSnapshot(this.db, runId, this.options, log);
  }
}
