// One scrape cycle: discover events on every source, fetch and parse each event's markets with
// bounded concurrency, look every market instance up, record the unmapped ones, flush after each
// batch of events and at the end (the price snapshot at the same points), and write the run. A
// failing source or event is recorded and never stops the others. Everything the run logs goes
// through a child logger carrying its runId.
import pMap from "p-map";
import type { Platform } from "@/lib/contract/enums";
import type { ScrapeRun, SourceRunStats } from "@/lib/contract/scrape";
import type { DiscoveryService } from "@/server/discovery/discovery-service";
import type { MappingCache } from "@/server/mapping/cache";
import type { Publisher } from "@/server/realtime/publisher";
import type { PriceSnapshot } from "@/server/snapshot/snapshot";
import { completedPlatforms, type CoverageWatch } from "@/server/coverage/coverage-watch";
import { log, type Log } from "@/server/log";
import { LoopYielder } from "@/server/util/yield";
import { DiscoveryProgress } from "./discovery-progress";
import { parseEvent } from "./sources";
import { cleanText } from "./parsers/text";
import type { RunOutcome, RunStore } from "./run-store";
import type { DiscoveredEvent, DiscoveryReport, ParseResult, Source } from "./types";

const MAX_ERRORS_PER_SOURCE = 20;
/** Scraping progress is published at most this often (plus the final count), so clients are never flooded. */
export const PROGRESS_EVERY_MS = 250;

export interface CycleDeps {
  sources: Source[];
  mappings: MappingCache;
  discovery: DiscoveryService;
  publisher: Publisher;
  runs: RunStore;
  concurrency: number;
  flushEveryEvents: number;
  /** Every market instance of the run's events with its odds (server/snapshot); none written without it. */
  snapshot?: PriceSnapshot;
  /** Compares the run's snapshot with the previous run's and raises coverage alerts (server/coverage). */
  coverage?: CoverageWatch;
}

const emptyStats = (): SourceRunStats => ({
  events: 0,
  eventsFailed: 0,
  markets: 0,
  mapped: 0,
  unmapped: 0,
  new: 0,
  dataErrors: 0,
  errors: [],
});

/** The event's sightings: parsed by the source itself when it can do that off this thread. */
async function scrapeEvent(source: Source, event: DiscoveredEvent, signal: AbortSignal, turns: LoopYielder): Promise<ParseResult> {
  if (source.fetchParsed) return source.fetchParsed(event, signal);
  const payload = await source.fetchEvent(event, signal);
  await turns.yieldIfDue();
  return parseEvent(payload, event.ref);
}

/** Reorders in place to a round-robin over the events' platforms, keeping each one's order. */
function interleave<T extends { event: DiscoveredEvent }>(items: T[]): void {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const q = queues.get(item.event.source) ?? [];
    q.push(item);
    queues.set(item.event.source, q);
  }
  let i = 0;
  while (i < items.length) {
    for (const q of queues.values()) if (q.length) items[i++] = q.shift()!;
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** @param runLog the run's logger: every line it writes carries the runId (the controller's own lines too). */
export async function runCycle(
  deps: CycleDeps,
  runId: number,
  signal: AbortSignal,
  runLog: Log = log.child({ runId }),
): Promise<ScrapeRun> {
  const { publisher } = deps;
  const stats = new Map<string, SourceRunStats>();
  const statsOf = (key: string) => {
    let s = stats.get(key);
    if (!s) stats.set(key, (s = emptyStats()));
    return s;
  };
  const noteError = (key: string, text: string) => {
    const s = statsOf(key);
    // Error text quotes scraped ids (an event ref) and is stored with the run: cleaned like parser output.
    if (s.errors.length < MAX_ERRORS_PER_SOURCE) s.errors.push(cleanText(text));
  };
  const progress = (phase: "starting" | "discovery" | "scraping" | "completed" | "failed", current: number, total: number, msg: string) =>
    publisher.publish("scrape_progress", { runId, phase, current, total, message: msg });

  progress("starting", 0, deps.sources.length, `Run ${runId} started`);

  // Discovery: all sources at once, each on its own; a failing source contributes no events.
  const events: { event: DiscoveredEvent; source: Source }[] = [];
  const discovery = new DiscoveryProgress(deps.sources.map((s) => s.name));
  let lastDiscoveryProgress = 0;
  let discoveryFailures = 0;
  await Promise.all(
    deps.sources.map(async (source) => {
      const report: DiscoveryReport = {
        error: (text) => {
          noteError(source.name, `discovery: ${text}`);
          runLog.debug(`[scrape] ${source.name} discovery: ${text}`);
        },
        progress: (done, total) => {
          discovery.lists(source.name, done, total);
          const now = Date.now();
          if (now - lastDiscoveryProgress < PROGRESS_EVERY_MS) return;
          lastDiscoveryProgress = now;
          progress("discovery", 0, 0, `Discovering events: ${discovery}`);
        },
      };
      try {
        const found = await source.discover(signal, report);
        discovery.found(source.name, found.length);
        for (const event of found) events.push({ event, source });
      } catch (e) {
        discoveryFailures++;
        discovery.failed(source.name);
        noteError(source.name, `discovery failed: ${message(e)}`);
        runLog.debug(`[scrape] ${source.name} discovery failed:`, e);
      }
    }),
  );
  // Alternate between sources so each source's own concurrency and pacing overlap with the
  // others' instead of one source's events all waiting behind another's.
  // Sources finish discovery in any order; keep the configured order so runs are reproducible.
  const order = new Map(deps.sources.map((src, i) => [src, i]));
  events.sort((a, b) => order.get(a.source)! - order.get(b.source)!);
  interleave(events);
  const totalBySource = new Map<string, number>();
  for (const { event } of events) totalBySource.set(event.source, (totalBySource.get(event.source) ?? 0) + 1);
  const total = events.length;
  progress("discovery", 0, total, `Found ${total} upcoming events (${discovery})`);

  const newBySource = new Map<Platform, number>();
  const reopenedBySource = new Map<Platform, number>();
  let flushFailed = false;
  const snapshot = deps.snapshot?.begin(runId, runLog);
  const flush = async () => {
    const r = await deps.discovery.flush(runLog);
    await snapshot?.flush();
    for (const m of r.inserted) newBySource.set(m.source, (newBySource.get(m.source) ?? 0) + 1);
    for (const m of r.regressed) reopenedBySource.set(m.source, (reopenedBySource.get(m.source) ?? 0) + 1);
    if (r.failed.length > 0) flushFailed = true;
  };

  let done = 0;
  let sinceFlush = 0;
  let lastProgress = 0;
  let lastProgressCurrent = 0;
  // A source that answers from memory (the demo) never waits on I/O, and a parse never does:
  // without turns a whole cycle ran as one task, and HTTP requests and Socket.IO writes (progress
  // included) waited for its end. One yielder for all workers, so the turns come every budget
  // whatever the concurrency; checked before each fetch and each parse, so a worker that would
  // start new work once the budget is spent waits for the turn instead.
  const turns = new LoopYielder();
  const scrapeOne = async ({ event, source }: (typeof events)[number]) => {
    await turns.yieldIfDue();
    // A source faster than the database waits for the snapshot's writer, so its rows stay bounded.
    await snapshot?.backlog();
    if (signal.aborted) return;
    const key = event.source;
    const s = statsOf(key);
    try {
      const parsed = await scrapeEvent(source, event, signal, turns);
      await turns.yieldIfDue();
      // One event's sightings are recorded in one synchronous burst (the recorder counts
      // distinct events by it): the turns come between events, never inside one.
      const at = Date.now();
      s.events++;
      s.dataErrors += parsed.dataErrors;
      const matchId = snapshot?.event(event, parsed.event) ?? null;
      // The payload's kickoff wins over the listing's, as in the snapshot; the market's urgency.
      const kickoff = epochOf(parsed.event?.kickoff) ?? epochOf(event.startsAt);
      for (const sighting of parsed.sightings) {
        s.markets++;
        const hit = deps.mappings.lookup(sighting);
        if (matchId !== null) snapshot!.market(matchId, sighting, hit.mapped, hit.mapped ? deps.mappings.canonicalIdOf(sighting) : null);
        if (hit.mapped) s.mapped++;
        else {
          s.unmapped++;
          deps.discovery.record(sighting, hit.reason, at, runId, kickoff);
        }
      }
    } catch (e) {
      s.eventsFailed++;
      noteError(key, `event ${event.ref}: ${message(e)}`);
    }
    done++;
    if (++sinceFlush >= deps.flushEveryEvents) {
      sinceFlush = 0;
      await flush();
    }
    const now = Date.now();
    // Events resuming from a flush may all find the run done: the final count goes out once.
    if (done > lastProgressCurrent && (now - lastProgress >= PROGRESS_EVERY_MS || done === total)) {
      lastProgress = now;
      lastProgressCurrent = done;
      const perSource = [...totalBySource]
        .map(([name, n]) => `${name} ${statsOf(name).events + statsOf(name).eventsFailed}/${n}`)
        .join(", ");
      progress("scraping", done, total, `Scraped ${done} of ${total} events (${perSource})`);
    }
  };
  await pMap(events, scrapeOne, { concurrency: Math.max(1, deps.concurrency) });
  await flush();
  // The run's snapshot is all written and the previous run's not pruned yet: the coverage watch's moment.
  if (snapshot && deps.coverage) {
    await deps.coverage.afterRun(runId, completedPlatforms(stats, snapshot.report.failed, signal.aborted), deps.mappings.entries, runLog);
  }
  const snapshotReport = await snapshot?.finish();
  for (const [platform, n] of snapshotReport?.skipped ?? []) statsOf(platform).snapshotSkipped = n;
  for (const [platform, n] of snapshotReport?.failed ?? []) statsOf(platform).snapshotFailed = n;

  for (const [platform, n] of newBySource) statsOf(platform).new += n;
  for (const [platform, n] of reopenedBySource) statsOf(platform).reopened = n;
  const sources = Object.fromEntries(stats);
  const fetched = [...stats.values()].reduce((n, s) => n + s.events, 0);
  const failedEvents = [...stats.values()].reduce((n, s) => n + s.eventsFailed, 0);
  // Any recorded error (a failed tournament, event or source) makes the run partial at best.
  const anyError = [...stats.values()].some((st) => st.errors.length > 0) || flushFailed || signal.aborted;
  const nothingWorked = fetched === 0 && (discoveryFailures === deps.sources.length || failedEvents > 0 || signal.aborted);
  const outcome: RunOutcome = {
    status: nothingWorked ? "failed" : anyError ? "partial" : "completed",
    sources,
    error: signal.aborted
      ? "Stopped before the run finished (server shutting down)"
      : flushFailed
        ? "Some sightings could not be written; they are kept and retried on the next flush"
        : discoveryFailures === deps.sources.length && deps.sources.length > 0
          ? "Every source failed discovery"
          : null,
  };
  // A failed run's counts are partial at best: they feed no baseline and clear no flag. Settled
  // before the run is marked finished, so a finished run means its baselines are in place too.
  if (outcome.status !== "failed") {
    await deps.discovery.settleRun(runId).catch((e) => runLog.error("[scrape] settling baselines after the run failed:", e));
  }
  const run = await deps.runs.finish(runId, outcome);
  const summary = `${run.events} events, ${run.markets} markets, ${run.unmapped} unmapped sightings, ${run.newMarkets} new markets`;
  progress(run.status === "failed" ? "failed" : "completed", done, total, `Run ${runId} ${run.status}: ${summary}`);
  (run.status === "completed" ? runLog.info : runLog.warn)(`[scrape] run ${run.status}: ${summary}${run.error ? ` (${run.error})` : ""}`);
  return run;
}

/** A usable date as epoch ms, else null (a payload's date may be missing or invalid). */
function epochOf(d: Date | null | undefined): number | null {
  const t = d?.getTime();
  return t !== undefined && Number.isFinite(t) ? t : null;
}
