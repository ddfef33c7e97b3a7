// `npm run bench` (part): full scrape cycles of SportyBet + Bet9ja through the real sources, HTTP
// client, parsers, lookup, recorder and flush (PGlite in memory), against the fake bookmaker, and
// the same cycle with the same payloads handed over in-process (no HTTP) as the baseline measured
// in the same run. Figures: events/s, sightings/s and the cycle's peak RSS and heap, for the first
// cycle (every unmapped market new: inserts) and the second (steady state: updates).
// The price snapshot at real scale (1,500 matches x 2 platforms x 150 market instances), over the
// fake bookmaker with default settings and in-process: three cycles with SNAPSHOT_RUNS=0 and three
// with the default, each in its own child; the third cycle prunes, so it is the steady state.
// Prints the snapshot's rows and bytes and the cycle time with it against without it.
// The fake bookmaker runs in a child process, and each measurement in a fresh child of its own, so
// no figure carries another's heap, JIT state or CPU.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { loadConfig } from "@/server/config";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { DiscoveryService } from "@/server/discovery/discovery-service";
import { setLogLevel } from "@/server/log";
import { MappingService } from "@/server/mapping/mapping-service";
import { nullPublisher } from "@/server/realtime/publisher";
import { runCycle } from "@/server/scraping/coordinator";
import { PriceSnapshot } from "@/server/snapshot/snapshot";
import { RunStore } from "@/server/scraping/run-store";
import { buildSources } from "@/server/scraping/sources";
import { createWorldSource, generateWorld, startFakeBookmaker } from "@/server/testing/fake-bookmaker";
import { memoryPeaks } from "./memory";

const MATCHES = Number(process.env.BENCH_EVENTS ?? 300);
const MARKETS_PER_EVENT = 120;
/** The real scale of issue 13: 1,500 events per platform, 150 market instances each. */
const SNAPSHOT_SCALE = { matches: Number(process.env.BENCH_SNAPSHOT_EVENTS ?? 1_500), marketsPerEvent: 150 };
const SNAPSHOT_CYCLES = 3;
const SEED = 20261126;
const SELF = fileURLToPath(import.meta.url);

const MODES = {
  "in-process": "same payloads, no HTTP (baseline)",
  "http-unpaced": "fake bookmaker over HTTP, pacing off",
  "http-defaults": "fake bookmaker over HTTP, default settings (Bet9ja paced 25 ms)",
} as const;
type Mode = keyof typeof MODES;

interface CycleFigures {
  seconds: number;
  /** CPU time of the whole process (server thread and PGlite's), which a loaded machine stretches less than wall time. */
  cpuSeconds: number;
  /** Rows and bytes (pg_total_relation_size) of both snapshot tables after the cycle. */
  snapshotRows: number;
  snapshotBytes: number;
  events: number;
  eventsFailed: number;
  markets: number;
  unmapped: number;
  status: string;
  peakRss: number;
  peakHeap: number;
  startRss: number;
}

const world = (anchor: number, scale = { matches: MATCHES, marketsPerEvent: MARKETS_PER_EVENT }) =>
  generateWorld({ seed: SEED, ...scale, now: () => new Date(anchor) });

/** A measurement: a mode at the bench's scale, or with snapshotRuns at real scale with SNAPSHOT_RUNS as given. */
type Measured = { mode: Mode; snapshotRuns?: number };

/** Peak RSS and heap while `fn` runs, sampled every 5 ms. */
async function sampled<T>(fn: () => Promise<T>): Promise<{ value: T; peakRss: number; peakHeap: number; startRss: number }> {
  const memory = memoryPeaks(5);
  try {
    const value = await fn();
    memory.sample();
    return { value, peakRss: memory.peak.rss, peakHeap: memory.peak.heapUsed, startRss: memory.start.rss };
  } finally {
    memory.stop();
  }
}

async function snapshotSize(db: Awaited<ReturnType<typeof openDatabase>>) {
  const [r] = await db.query<{ rows: number; bytes: string }>(
    `SELECT (SELECT count(*) FROM snapshot_markets)::int + (SELECT count(*) FROM snapshot_events)::int AS rows,
            (pg_total_relation_size('snapshot_markets') + pg_total_relation_size('snapshot_events'))::bigint AS bytes`,
  );
  return { snapshotRows: r.rows, snapshotBytes: Number(r.bytes) };
}

async function measure({ mode, snapshotRuns }: Measured, anchor: number, url: string): Promise<CycleFigures[]> {
  setLogLevel("error");
  const config = loadConfig({
    SOURCES: "sportybet,bet9ja",
    SPORTYBET_BASE_URL: url,
    BET9JA_BASE_URL: url,
    LOG_LEVEL: "error",
    ...(mode === "http-unpaced" ? { SPORTYBET_PACING_MS: "0", BET9JA_PACING_MS: "0" } : {}),
  });
  const scale = snapshotRuns === undefined ? undefined : SNAPSHOT_SCALE;
  const sources = mode === "in-process" ? [createWorldSource(await world(anchor, scale))] : buildSources(config);
  const db = await openDatabase({ memory: true });
  await migrate(db);
  const mappings = new MappingService(db.prisma);
  await mappings.reload();
  const runs = new RunStore(db.prisma);
  const deps = {
    sources,
    mappings: mappings.cache,
    discovery: new DiscoveryService(db, nullPublisher),
    publisher: nullPublisher,
    runs,
    concurrency: config.SCRAPE_CONCURRENCY,
    flushEveryEvents: config.FLUSH_EVERY_EVENTS,
    snapshot: new PriceSnapshot(db, { runs: snapshotRuns ?? config.SNAPSHOT_RUNS }),
  };
  const figures: CycleFigures[] = [];
  for (let cycle = 0; cycle < (snapshotRuns === undefined ? 2 : SNAPSHOT_CYCLES); cycle++) {
    const runId = await runs.create("manual");
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { value: run, ...memory } = await sampled(() => runCycle(deps, runId, new AbortController().signal));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const failed = Object.values(run.sources).reduce((n, s) => n + s.eventsFailed, 0);
    figures.push({
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      events: run.events,
      eventsFailed: failed,
      markets: run.markets,
      unmapped: run.unmapped,
      status: run.status,
      ...memory,
      ...(await snapshotSize(db)),
    });
  }
  await db.close();
  return figures;
}

/** Runs this file again as a child with `args`, and returns the first message it sends. */
function child<T>(args: string[]): { result: Promise<T>; stop: () => void } {
  const proc = fork(SELF, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const result = new Promise<T>((resolve, reject) => {
    proc.once("message", (m) => resolve(m as T));
    proc.once("exit", (code) => reject(new Error(`bench child ${args[0]} exited with ${code} before reporting`)));
  });
  return { result, stop: () => proc.kill() };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function orchestrate() {
  const anchor = Date.now();
  const fake = child<{ url: string }>(["fake", String(anchor)]);
  try {
    const { url } = await fake.result;
    console.log(
      `scrape cycle: ${fmt(MATCHES)} matches x 2 platforms, >= ${MARKETS_PER_EVENT} market instances per event, ` +
        `PGlite in memory, SCRAPE_CONCURRENCY 8; each mode in a fresh process`,
    );
    const results = new Map<Mode, CycleFigures[]>();
    for (const mode of Object.keys(MODES) as Mode[]) {
      const figures = await child<CycleFigures[]>(["measure", JSON.stringify({ mode }), String(anchor), url]).result;
      results.set(mode, figures);
      for (const [i, f] of figures.entries()) {
        if (f.status !== "completed" || f.eventsFailed > 0)
          throw new Error(`${mode} cycle ${i + 1} ended ${f.status} with ${f.eventsFailed} failed events`);
      }
    }
    const base = results.get("in-process")!;
    for (const [mode, figures] of results) {
      console.log(`  ${mode}: ${MODES[mode]}`);
      figures.forEach((f, i) => {
        const eventsPerSecond = f.events / f.seconds;
        const ratio = base[i].seconds / f.seconds;
        console.log(
          `    cycle ${i + 1} (${i === 0 ? "all new: inserts" : "steady: updates"}): ${f.seconds.toFixed(2)} s, ` +
            `${fmt(eventsPerSecond)} events/s, ${fmt(f.markets / f.seconds)} sightings/s ` +
            `(${fmt(f.events)} events, ${fmt(f.markets)} sightings, ${fmt(f.unmapped)} unmapped); ` +
            `peak RSS ${mb(f.peakRss)} (+${mb(f.peakRss - f.startRss)} in the cycle), peak heap ${mb(f.peakHeap)}` +
            (mode === "in-process" ? "" : `; ${ratio.toFixed(2)}x baseline speed`),
        );
      });
    }
    console.log("  (the baseline's RSS includes the payload world it serves from memory; the HTTP modes' does not)");
  } finally {
    fake.stop();
  }
  await benchSnapshot(anchor);
}

/** The snapshot's cost at real scale: the same cycles without it (SNAPSHOT_RUNS=0) and with the default, per mode. */
async function benchSnapshot(anchor: number) {
  const { matches, marketsPerEvent } = SNAPSHOT_SCALE;
  const fake = child<{ url: string }>(["fake", String(anchor), JSON.stringify(SNAPSHOT_SCALE)]);
  try {
    const { url } = await fake.result;
    const runs = loadConfig({}).SNAPSHOT_RUNS;
    console.log(
      `price snapshot: ${fmt(matches)} matches x 2 platforms x >= ${marketsPerEvent} market instances, PGlite in memory, ` +
        `${SNAPSHOT_CYCLES} cycles each (the third prunes: steady state); SNAPSHOT_RUNS=0 against ${runs}, each in a fresh process`,
    );
    const modes = (process.env.BENCH_SNAPSHOT_MODES ?? "http-defaults,in-process").split(",") as Mode[];
    for (const mode of modes) {
      const measured = (snapshotRuns: number) =>
        child<CycleFigures[]>(["measure", JSON.stringify({ mode, snapshotRuns }), String(anchor), url]).result;
      const without = await measured(0);
      const withIt = await measured(runs);
      console.log(`  ${mode}: ${MODES[mode]}`);
      for (const [i, f] of withIt.entries()) {
        const base = without[i];
        if (f.status !== "completed" || base.status !== "completed")
          throw new Error(`snapshot cycle ${i + 1} ended ${f.status}/${base.status}`);
        console.log(
          `    cycle ${i + 1}: ${base.seconds.toFixed(2)} s without, ${f.seconds.toFixed(2)} s with: ${(f.seconds / base.seconds).toFixed(2)}x ` +
            `(aim <= 1.3x), CPU ${base.cpuSeconds.toFixed(1)} s against ${f.cpuSeconds.toFixed(1)} s: ${(f.cpuSeconds / base.cpuSeconds).toFixed(2)}x; ` +
            `${fmt(f.markets)} market instances; snapshot ${fmt(f.snapshotRows)} rows, ${mb(f.snapshotBytes)}; ` +
            `peak RSS ${mb(f.peakRss)} (without: ${mb(base.peakRss)})`,
        );
      }
    }
  } finally {
    fake.stop();
  }
}

const [role, ...args] = process.argv.slice(2);
if (role === "fake") {
  const fake = await startFakeBookmaker({ world: await world(Number(args[0]), args[1] ? JSON.parse(args[1]) : undefined), gzip: true });
  process.send?.({ url: fake.url });
} else if (role === "measure") {
  const figures = await measure(JSON.parse(args[0]) as Measured, Number(args[1]), args[2]);
  process.send?.(figures, () => process.exit(0));
} else if (role === "snapshot") {
  // The snapshot part alone: `tsx bench/cycle.ts snapshot`.
  await benchSnapshot(Date.now());
} else {
  await orchestrate();
}
