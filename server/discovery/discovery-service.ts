// Owns the process's recorder, its retry queue and its spill journal, and turns what committed into
// alerts. Any number of flushes may run at once (scheduled cycle, shutdown, tests): each takes its
// own rows, and the upsert adds counts atomically, so none can lose or double a sighting.
//
// Where a sighting lives until it is in the database: the recorder (pending, merged per market),
// then a chunk with a batch id. A chunk that failed for now waits in the retry queue with its id
// and exact content (never merged with newer sightings, or the id would name other content) and is
// sent first by the next flush. Chunks that cannot stay in memory (retry queue past the pending
// limit, a full recorder, shutdown with the database down) go to the journal on disk, which is
// replayed after the next successful flush and at start.
import { Announcer } from "@/server/alerts/announcer";
import type { Database } from "@/server/db/client";
import type { Publisher } from "@/server/realtime/publisher";
import { log, type Log } from "@/server/log";
import { chunksOf, emptyFlushResult, FLUSH_CHUNK_ROWS, warmUp, writeChunks, type FlushChunk, type FlushResult } from "./flush";
import type { Health } from "@/lib/contract/health";
import type { UnmappedReason } from "@/lib/contract/enums";
import type { Sighting } from "@/server/scraping/types";
import { Recorder, type PendingMarket } from "./recorder";
import { RejectedRows } from "./flush-report";
import { pruneFlushBatches, pruneRunCounts } from "./retention";
import { settleRun, type RunEnded } from "./run-counts";
import { SpillJournal } from "./spill-journal";

const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface DiscoveryOptions {
  /** Distinct markets held in memory (recorder, and retry queue) before they go to the journal. */
  maxPending?: number;
  /** Journal folder; null (default) uses a private temporary folder, for in-memory databases. */
  spillDir?: string | null;
  /** Rows per statement; by default per database kind (FLUSH_CHUNK_ROWS). */
  chunkRows?: number;
  /** flush_batches rows older than this are pruned: a retry or replay older than that would count twice. */
  batchRetentionDays?: number;
  /** market_run_counts rows of runs that started longer ago than this are pruned (RUN_COUNTS_RETENTION_DAYS). */
  runCountsRetentionDays?: number;
  /** Turns what each flush committed into webhook events and alert-rule notifications; by default one without a dispatcher to wake. */
  announcer?: Announcer;
}

/** What shutdown could not write to the database: the exit code is derived from it. */
export interface ShutdownReport {
  /** Sightings kept nowhere (the journal could not be written, or dropped without one). */
  lostSightings: number;
  /** Journal files waiting for a replay at the next start. */
  journalFiles: number;
}

const sightingsOf = (rows: Iterable<PendingMarket>) => {
  let n = 0;
  for (const r of rows) n += r.count;
  return n;
};

export class DiscoveryService {
  /** Private: every sighting goes through record(), so the pending limit and the journal always apply. */
  private readonly recorder: Recorder;
  private readonly journal: SpillJournal;
  private readonly maxPending: number;
  private readonly chunkRows: number;
  private readonly retentionDays: number;
  private readonly runCountsRetentionDays: number;
  private readonly announcer: Announcer;
  private retry: FlushChunk[] = [];
  private retrying = { markets: 0, sightings: 0 };
  private spills = new Set<Promise<void>>();
  private replaying: Promise<FlushResult> | null = null;
  private replayAgain = false;
  private pruning: Promise<unknown> = Promise.resolve();
  private spilledSightings = 0;
  private journalFiles = 0;
  private readonly rejected = new RejectedRows();
  private lastPrune = 0;
  /** Whether the last flush went through: a spill that lands then is replayed at once. */
  private writable = true;

  constructor(
    private readonly db: Database,
    publisher: Publisher,
    options: DiscoveryOptions = {},
  ) {
    this.maxPending = options.maxPending ?? 200_000;
    this.chunkRows = options.chunkRows ?? FLUSH_CHUNK_ROWS[db.kind];
    this.retentionDays = options.batchRetentionDays ?? 7;
    this.runCountsRetentionDays = options.runCountsRetentionDays ?? 30;
    this.announcer = options.announcer ?? new Announcer(db, publisher);
    this.journal = new SpillJournal(options.spillDir ?? null);
    this.recorder = new Recorder(this.maxPending, undefined, (full) => {
      // What is pending was recorded by the run in progress, if any: its lines carry that runId.
      const runId = full.values().next().value?.runId ?? null;
      const runLog = runId === null ? log : log.child({ runId });
      runLog.warn(`[discovery] ${full.size} pending markets reached the pending limit; spilling them to the journal`);
      void this.spill(chunksOf(full.values(), this.chunkRows), sightingsOf(full.values()), runLog);
    });
  }

  /** Records one unmapped sighting (of run `runId`, when it comes from one; of an event kicking off at `kickoff`) until the next flush. */
  record(
    sighting: Sighting,
    reason: UnmappedReason,
    at: number = Date.now(),
    runId: number | null = null,
    kickoff: number | null = null,
  ): void {
    this.recorder.record(sighting, reason, at, runId, kickoff);
  }

  /** @param runLog where its lines go: the run's logger (with its runId) when a scrape flushes. */
  async flush(runLog: Log = log): Promise<FlushResult> {
    const queued = this.unqueue();
    const fresh = this.recorder.drain();
    if (queued.length === 0 && fresh.size === 0) return emptyFlushResult();
    // Queued chunks first, as they are; then the fresh rows, cut into chunks as they are sent.
    const result = await writeChunks(this.db, concat(queued, chunksOf(fresh.values(), this.chunkRows)));
    await this.settle(result, runLog);
    this.writable = result.failedChunks.length === 0;
    if (result.failedChunks.length > 0) {
      runLog.error(`[discovery] flush failed for ${result.failed.length} markets; kept for the next try:`, result.error?.message);
      this.enqueue(result.failedChunks, runLog);
    } else {
      this.replayInBackground();
      this.pruneInBackground();
    }
    return result;
  }

  /**
   * When a run has ended (completed or partial): recomputes the baselines of the markets it
   * sighted and clears the escalation flags it no longer backs (run-counts.ts).
   */
  settleRun(runId: number): Promise<RunEnded> {
    return settleRun(this.db, runId);
  }

  /** Deletes old flush batch ids and old runs' counts; what the hourly background pruning runs. */
  async prune(): Promise<{ batches: number; runCounts: number }> {
    const batches = await pruneFlushBatches(this.db, this.retentionDays);
    return { batches, runCounts: await pruneRunCounts(this.db, this.runCountsRetentionDays) };
  }

  /** At start, before anything is recorded: plans the flush statement, then replays the journal. */
  async start(): Promise<FlushResult> {
    await warmUp(this.db).catch((e) => log.warn("[discovery] planning the flush statement failed:", (e as Error).message));
    return this.replayJournal();
  }

  /**
   * Replays every journal file, oldest first; a file is removed once all of it is in the database.
   * Asked again while one runs (a spill just landed), it runs once more after it.
   */
  replayJournal(): Promise<FlushResult> {
    if (this.replaying) {
      this.replayAgain = true;
      return this.replaying;
    }
    this.replaying = (async () => {
      let result: FlushResult;
      do {
        this.replayAgain = false;
        result = await this.replayFiles();
      } while (this.replayAgain && result.failedChunks.length === 0 && !result.error);
      return result;
    })().finally(() => {
      this.replaying = null;
    });
    return this.replaying;
  }

  /** At shutdown: writes what it can, spills the rest, and says what could not be saved. */
  async close(): Promise<ShutdownReport> {
    await Promise.all(this.spills);
    await this.replaying?.catch(() => undefined);
    await this.flush();
    if (this.retry.length === 0) await this.replayJournal().catch((e) => log.error("[discovery] journal replay failed:", e));
    const unsaved = this.unqueue();
    if (unsaved.length > 0) void this.spill(unsaved, sightingsOf(unsaved.flatMap((c) => c.rows)));
    await Promise.all(this.spills);
    await this.pruning;
    const files = await this.journal.files().catch(() => []);
    return { lostSightings: this.recorder.stats().droppedSightings, journalFiles: files.length };
  }

  stats(): Health["recorder"] {
    return {
      ...this.recorder.stats(),
      retryingMarkets: this.retrying.markets,
      retryingSightings: this.retrying.sightings,
      spilledSightings: this.spilledSightings,
      journalFiles: this.journalFiles,
      rejectedMarkets: this.rejected.markets,
      rejectedSightings: this.rejected.sightings,
      lastRejected: this.rejected.last,
    };
  }

  /**
   * Counts and logs rejected rows and announces what committed. An announce step that fails leaves
   * its batches to the announcer's tick (announced late, never lost or twice): the flush itself
   * went through.
   */
  private async settle(result: FlushResult, runLog: Log): Promise<void> {
    this.rejected.add(result.rejected, runLog);
    if (result.announced.length === 0) return;
    await this.announcer
      .announce(result.batchIds)
      .catch((e) =>
        runLog.warn(`[discovery] announcing the flush failed; its markets are announced by the next tick: ${(e as Error).message}`),
      );
  }

  private enqueue(chunks: FlushChunk[], runLog: Log): void {
    for (const c of chunks) {
      this.retry.push(c);
      this.retrying.markets += c.rows.length;
      this.retrying.sightings += sightingsOf(c.rows);
    }
    // Memory stays bounded while the database is down: the oldest chunks go to disk.
    let spill = 0;
    let markets = this.retrying.markets;
    while (markets > this.maxPending && spill < this.retry.length) markets -= this.retry[spill++].rows.length;
    if (spill > 0) {
      const out = this.retry.splice(0, spill);
      this.retrying.markets = markets;
      const sightings = sightingsOf(out.flatMap((c) => c.rows));
      this.retrying.sightings -= sightings;
      void this.spill(out, sightings, runLog);
    }
  }

  private unqueue(): FlushChunk[] {
    this.retrying = { markets: 0, sightings: 0 };
    return this.retry.splice(0);
  }

  private spill(chunks: Iterable<FlushChunk>, sightings: number, runLog: Log = log): Promise<void> {
    const written = this.journal.write(chunks).then(
      (file) => {
        this.spilledSightings += sightings;
        this.journalFiles++;
        runLog.warn(`[discovery] spilled ${sightings} sightings to ${file}; replayed when the database takes writes again`);
        if (this.writable) this.replayInBackground();
      },
      (e) => {
        this.recorder.lost(sightings);
        runLog.error(`[discovery] could not spill ${sightings} sightings to the journal; they are lost:`, e);
      },
    );
    const tracked = written.finally(() => this.spills.delete(tracked));
    this.spills.add(tracked);
    return tracked;
  }

  private async replayFiles(): Promise<FlushResult> {
    const total = emptyFlushResult();
    const files = await this.journal.files();
    for (const file of files) {
      const result = emptyFlushResult();
      try {
        for await (const chunk of this.journal.read(file)) {
          await writeChunks(this.db, [chunk], result);
          if (result.failedChunks.length > 0) break;
        }
      } catch (e) {
        const aside = await this.journal.quarantine(file);
        log.error(`[discovery] journal file ${file} is unreadable; moved to ${aside}:`, e);
        continue;
      } finally {
        await this.settle(result, log);
      }
      total.rows += result.rows;
      total.sightings += result.sightings;
      for (const m of result.inserted) total.inserted.push(m);
      for (const m of result.regressed) total.regressed.push(m);
      for (const m of result.announced) total.announced.push(m);
      for (const r of result.rejected) total.rejected.push(r);
      if (result.failedChunks.length > 0) {
        // The file stays; what did commit is recognised by its batch ids on the next replay.
        total.error = result.error;
        log.warn(`[discovery] journal replay stopped (${result.error?.message}); ${file} is kept for the next one`);
        break;
      }
      await this.journal.remove(file);
      log.info(`[discovery] replayed ${result.sightings} sightings from ${file}`);
    }
    this.journalFiles = (await this.journal.files()).length;
    return total;
  }

  private replayInBackground(): void {
    if (this.journalFiles === 0 && this.spills.size === 0) return;
    void this.replayJournal().catch((e) => log.error("[discovery] journal replay failed:", e));
  }

  private pruneInBackground(): void {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    this.pruning = this.prune().catch((e) => log.warn("[discovery] pruning flush_batches or run counts failed:", (e as Error).message));
  }
}

function* concat<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}
