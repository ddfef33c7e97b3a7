// `npm run bench` (part): is the server still responsive while it works? The real server (production
// Next build, Socket.IO, demo source) runs in a child process per database; inside it,
// perf_hooks.monitorEventLoopDelay measures how late the loop runs, and a worker thread (its own
// event loop, so its clock is never the blocked one) polls GET /api/health every ~20 ms and times
// each answer. Four phases, each figure printed beside the idle phase as a ratio:
//   idle:    nothing running (the baseline)
//   cycle 1: the first demo scrape cycle of 1,500 events (750 matches on both platforms): cold
//            code, every unmapped market new
//   cycle 2: the same cycle again (warm: the steady state of a scheduled scraper)
//   flush:   100,000 distinct new markets put in the recorder, then runtime.discovery.flush()
// Aim: health p99 under 50 ms in every phase. Not a test: nothing here passes or fails.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import type { DbKind } from "@/server/testing/databases";
import { WORKER_GET } from "./worker-get";

const MATCHES = 750;
const FLUSH_MARKETS = 100_000;
const IDLE_MS = 3_000;
const POLL_EVERY_MS = 20;
const AIM_MS = 50;
/** The loop-delay histogram's timer period; the histogram records whole periods, so it is subtracted. */
const RESOLUTION_MS = 2;
const SELF = fileURLToPath(import.meta.url);

interface Stats {
  p50: number;
  p99: number;
  max: number;
  n: number;
}
interface PhaseFigures {
  loop: Stats;
  health: Stats & { failed: number; firstFailure: string };
  note: string;
}
const PHASES = ["idle", "cycle1", "cycle2", "flush"] as const;
type Figures = Record<(typeof PHASES)[number], PhaseFigures>;

// Plain JavaScript, so the worker needs no TypeScript loader. Sequential requests, each started
// ~20 ms after the previous one started (at once if that one took longer), over one keep-alive
// connection with node:http, as the list bench's clients: fetch (undici) in the worker added its own
// latency to the figures (at idle, answers the server gave in under 7 ms took 30-50 ms to arrive).
// The worker warms up before the first phase: its first requests open the connection and compile
// its own code, which is the client's start, not the server's responsiveness.
const POLLER = `
const { parentPort, workerData } = require("node:worker_threads");
const { performance } = require("node:perf_hooks");
${WORKER_GET}
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let running = false;
let samples = [];
let failed = 0;
let firstFailure = "";
let loop = null;
const get = () => getStatus(workerData.url, agent);
async function poll() {
  while (running) {
    const t0 = performance.now();
    try {
      const status = await get();
      if (status !== 200) {
        failed++;
        firstFailure ||= "HTTP " + status;
      }
    } catch (e) {
      failed++;
      firstFailure ||= String((e && e.message) || e);
    }
    samples.push(performance.now() - t0);
    const wait = workerData.every - (performance.now() - t0);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}
parentPort.on("message", async (m) => {
  if (m === "warm") {
    for (let i = 0; i < 50; i++) await get();
    parentPort.postMessage("warm");
  } else if (m === "start") {
    samples = [];
    failed = 0;
    firstFailure = "";
    running = true;
    loop = poll();
  } else if (m === "stop") {
    running = false;
    await loop;
    parentPort.postMessage({ samples, failed, firstFailure });
  }
});
`;

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
  return { p50: at(50), p99: at(99), max: sorted.at(-1) ?? 0, n: sorted.length };
}

async function measure(kind: DbKind): Promise<Figures> {
  const { startTestServer } = await import("@/server/testing/server");
  const server = await startTestServer(kind, { demo: { events: MATCHES, newPerCycle: 0, seed: 20261201 } });
  const poller = new Worker(POLLER, { eval: true, workerData: { url: `${server.url}/api/health`, every: POLL_EVERY_MS } });
  try {
    // Warm up: the first requests load the route and open the keep-alive connection.
    for (let i = 0; i < 20; i++) await (await fetch(`${server.url}/api/health`)).arrayBuffer();
    await new Promise((resolve) => {
      poller.once("message", resolve);
      poller.postMessage("warm");
    });

    const phase = async (work: () => Promise<string>): Promise<PhaseFigures> => {
      const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
      const answered = new Promise<{ samples: number[]; failed: number; firstFailure: string }>((resolve) =>
        poller.once("message", resolve),
      );
      loop.enable();
      // The histogram's first tick only sets its reference time: let it tick before the work, or a
      // block that starts at once is never measured.
      await new Promise((r) => setTimeout(r, RESOLUTION_MS * 5));
      poller.postMessage("start");
      const note = await work();
      // A loop blocked for the whole phase records its one late tick only when the timer next
      // runs: give it that turn, or the histogram would be empty and read as zero delay.
      await new Promise((r) => setTimeout(r, RESOLUTION_MS * 5));
      loop.disable();
      poller.postMessage("stop");
      const health = await answered;
      const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
      return {
        loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max), n: loop.count },
        health: { ...stats(health.samples), failed: health.failed, firstFailure: health.firstFailure },
        note,
      };
    };

    const idle = await phase(async () => {
      await new Promise((r) => setTimeout(r, IDLE_MS));
      return `${IDLE_MS / 1000} s`;
    });
    const cycle = () =>
      phase(async () => {
        const t0 = performance.now();
        const { done } = await server.runtime.scrape.trigger("manual");
        const run = await done;
        return `${run.events.toLocaleString("en-US")} events, ${run.status}, ${((performance.now() - t0) / 1000).toFixed(1)} s`;
      });
    const cycle1 = await cycle();
    const cycle2 = await cycle();

    // Filling the recorder is not what is measured: it happens before the phase starts.
    const discovery = server.runtime.discovery;
    const at = Date.now();
    for (let i = 0; i < FLUSH_MARKETS; i++) {
      discovery.record(
        {
          source: i % 2 ? "sportybet" : "bet9ja",
          eventId: `bench:${i % 1500}`,
          externalMarketId: `BENCH_LOOP_${i}`,
          name: `Bench market ${i}`,
          specifier: null,
          outcomes: [
            { name: "Yes", odds: 1.9 },
            { name: "No", odds: 1.9 },
          ],
        },
        "UNKNOWN_MARKET",
        at,
      );
    }
    const flush = await phase(async () => {
      const t0 = performance.now();
      const r = await server.runtime.discovery.flush();
      return `${r.inserted.length.toLocaleString("en-US")} new markets${r.failed.length ? `, ${r.failed.length} failed` : ""}, ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    });
    return { idle, cycle1, cycle2, flush };
  } finally {
    await poller.terminate();
    await server.close();
  }
}

const ms = (v: number) => (v >= 100 ? `${Math.round(v).toLocaleString("en-US")} ms` : `${v.toFixed(1)} ms`);
const ratio = (v: number, base: number) => (base > 0 ? ` (${(v / base).toFixed(1)}x)` : "");

function print(label: string, f: Figures) {
  const cols = PHASES;
  const names = { idle: "idle", cycle1: "cycle 1", cycle2: "cycle 2", flush: "flush" };
  const head = cols.map((c) => `${names[c]} (${f[c].note})`);
  const width = [26, ...head.map((h) => Math.max(h.length + 2, 24))];
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i])).join("");
  const lines = [row(["", ...head])];
  const metric = (name: string, get: (p: PhaseFigures) => number) =>
    lines.push(row([name, ...cols.map((c) => ms(get(f[c])) + (c === "idle" ? "" : ratio(get(f[c]), get(f.idle))))]));
  metric("event-loop delay p50", (p) => p.loop.p50);
  metric("event-loop delay p99", (p) => p.loop.p99);
  metric("event-loop delay max", (p) => p.loop.max);
  metric("/api/health p50", (p) => p.health.p50);
  metric("/api/health p99", (p) => p.health.p99);
  metric("/api/health max", (p) => p.health.max);
  lines.push(row(["health requests (failed)", ...cols.map((c) => `${f[c].health.n} (${f[c].health.failed})`)]));
  for (const c of cols) if (f[c].health.failed) lines.push(`${names[c]}: first failed health request: ${f[c].health.firstFailure}`);
  const verdict = cols.map((c) => `${names[c]} ${ms(f[c].health.p99)} ${f[c].health.p99 < AIM_MS ? "met" : "NOT met"}`).join("; ");
  console.log(
    `event loop on ${label}:\n${lines.map((l) => `  ${l.trimEnd()}`).join("\n")}\n  aim: health p99 under ${AIM_MS} ms: ${verdict}`,
  );
}

/** Runs this file again as a child for one database and returns the figures it reports. */
function child(kind: DbKind): Promise<Figures> {
  const proc = fork(SELF, ["measure", kind], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    proc.once("message", (m) => resolve(m as Figures));
    proc.once("exit", (code) => reject(new Error(`bench child for ${kind} exited with ${code} before reporting`)));
  });
}

const [role, arg] = process.argv.slice(2);
if (role === "measure") {
  const figures = await measure(arg as DbKind);
  process.send?.(figures, () => process.exit(0));
} else {
  console.log(
    `event loop: real server per database in a fresh process; /api/health polled every ~${POLL_EVERY_MS} ms from a worker thread; ` +
      `loop delay from monitorEventLoopDelay (${RESOLUTION_MS} ms timer, period subtracted)`,
  );
  print("PGlite (in memory)", await child("pglite"));
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (pgUrl) {
    // The child creates (and drops) a fresh database next to the one named here.
    process.env.TEST_DATABASE_URL = pgUrl;
    print("PostgreSQL", await child("postgres"));
  } else {
    console.log("event loop on PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL=postgres://… to include it)");
  }
}
