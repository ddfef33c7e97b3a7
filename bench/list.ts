// `npm run bench` (part): the list and the stats at scale, over real HTTP against the real server
// (production build, in this process), 32 concurrent clients in a worker thread (their own event
// loop, as clients on other machines would have: in the server's loop they would queue behind
// each other's bookkeeping and inflate every figure). Markets are seeded by one
// INSERT … SELECT generate_series. For each list query: p50/p99 of GET /api/unmapped beside the
// same rows-only SQL issued directly to the database in the same run with the same concurrency
// (the baseline; ratio = HTTP / direct, aim within 2x), and both again with one client (the fixed
// cost of a request, no queueing); stats p99 (aim under 50 ms); and, as the
// "before", what the old exact count(*), the old OFFSET deep page and the old stats scan cost
// (one client, median of 3). Last: whether the counters equal a full count(*).
// PostgreSQL at 100,000 and 1,000,000 markets, PGlite at 100,000 (BENCH_LIST_SIZES overrides).
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { ensureBuild } from "@/scripts/lib/build";
import type { UnmappedListQuery } from "@/lib/contract/unmapped";
import { ITEM_COLUMNS, listSql, SORT_COLUMN } from "@/server/discovery/list-sql";
import { counterMismatches, fullCount } from "@/server/testing/seed";
import { createToken, signIn } from "@/server/testing/auth";
import { fmt, forEachSize, seededServer, type Kind } from "./scale";
import { WORKER_GET } from "./worker-get";

const CLIENTS = 32;
// Each list figure is measured in ROUNDS rounds, HTTP and SQL taking turns, and the table shows the
// median round's p50 and p99 and every round's ratio. Before, one load of 320 requests each: that
// p99 was the fourth slowest request, and one pause on two cores (a scavenge of the server's heap,
// a slow phase of PostgreSQL) moved it, so the same code measured 1.8x one run and 2.5x the next;
// and a slow phase hit whichever side was measuring then. Taking turns, a slow phase lands in one
// round of one side, which the median leaves out and the rounds' ratios still show.
const ROUNDS = 3;
const REQUESTS = 1000;

const base: UnmappedListQuery = { sort: "lastSeenAt", order: "desc", page: 1, pageSize: 50 };
const QUERIES: [string, UnmappedListQuery][] = [
  ["first page", base],
  ["filtered: NEW by priority", { ...base, status: ["NEW"], sort: "priority" }],
  ["filtered: sportybet NEW", { ...base, source: ["sportybet"], status: ["NEW"], sort: "occurrenceCount" }],
  ["deep: page 1,000", { ...base, page: 1000 }],
  ["search: q=corners", { ...base, q: "corners" }],
];

function queryString(q: UnmappedListQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, Array.isArray(v) ? v.join(",") : String(v));
  return p.toString();
}

/** `REQUESTS` calls of fn from `clients` concurrent workers; latencies in ms, sorted. */
async function load(fn: () => Promise<unknown>, requests = REQUESTS, clients = CLIENTS): Promise<number[]> {
  for (let i = 0; i < clients; i++) await fn(); // warm-up: connections, plans, caches
  const times: number[] = [];
  let left = requests;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) {
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const ms = (n: number) => n.toFixed(1).padStart(7);

async function once(fn: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[1];
}

// Plain JavaScript, so the worker needs no TypeScript loader. Each message runs one load: a
// warm-up request per client, then `requests` GETs from `clients` concurrent loops over one
// keep-alive agent; a socket the server closed as it was reused is retried and counted.
const LOADER = `
const { parentPort } = require("node:worker_threads");
const { performance } = require("node:perf_hooks");
${WORKER_GET}
const agent = new http.Agent({ keepAlive: true, maxSockets: ${CLIENTS} });
let resets = 0;
let authorization = "";
let cookie = "";
const getOnce = async (url) => {
  const status = await getStatus(url, agent, url.includes("/api/") ? { authorization } : { cookie });
  if (status !== 200) throw new Error(url + " -> " + status);
};
async function get(url) {
  for (let attempt = 1; ; attempt++) {
    try { return await getOnce(url); } catch (e) {
      if (e.code !== "ECONNRESET" || attempt >= 3) throw e;
      resets++;
    }
  }
}
parentPort.on("message", async ({ id, url, requests, clients, token, session }) => {
  authorization = "Bearer " + token;
  cookie = session;
  try {
    for (let i = 0; i < clients; i++) await get(url);
    const times = [];
    let left = requests;
    await Promise.all(Array.from({ length: clients }, async () => {
      while (left-- > 0) { const t0 = performance.now(); await get(url); times.push(performance.now() - t0); }
    }));
    parentPort.postMessage({ id, times: times.sort((a, b) => a - b), resets });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;
const loader = new Worker(LOADER, { eval: true });
const waiting = new Map<number, { resolve: (m: { times: number[]; resets: number }) => void; reject: (e: Error) => void }>();
loader.on("message", (m: { id: number; times: number[]; resets: number; error?: string }) => {
  const w = waiting.get(m.id)!;
  waiting.delete(m.id);
  if (m.error) w.reject(new Error(m.error));
  else w.resolve(m);
});
let nextLoad = 0;
/** Keep-alive sockets the server closed as they were reused: retried (GETs), and reported. */
let resets = 0;
/** A viewer token, sent by the worker's clients as a tool would (made once the server is up). */
let apiToken = "";
/** The signed-in admin's session cookie: pages (the dashboard) are for people, the API for the token. */
let sessionCookie = "";
/** Like load(), for GETs of a URL, from the worker's clients. */
async function loadHttp(url: string, requests = REQUESTS, clients = CLIENTS): Promise<number[]> {
  const id = nextLoad++;
  const done = new Promise<{ times: number[]; resets: number }>((resolve, reject) => waiting.set(id, { resolve, reject }));
  loader.postMessage({ id, url, requests, clients, token: apiToken, session: sessionCookie });
  const m = await done;
  resets = m.resets;
  return m.times;
}

async function benchOne(kind: Kind, n: number) {
  console.log(
    `\n${kind === "postgres" ? "PostgreSQL" : "PGlite"}, ${fmt(n)} markets, ${CLIENTS} concurrent clients;` +
      ` list: the median of ${ROUNDS} rounds of ${REQUESTS} requests, HTTP and SQL in turn; the rest ${REQUESTS} requests:`,
  );
  // The bench measures the list, not the per-token limit.
  const { server, url: pgUrl, stop } = await seededServer(kind, n, { API_TOKEN_RATE_PER_MINUTE: "1000000" });
  sessionCookie = await signIn(server.url);
  apiToken = (await createToken(server.url, "viewer", sessionCookie)).token;
  const db = server.runtime.db;
  // The baseline talks to the same database with as many connections as the server's pool.
  const pool = pgUrl ? new pg.Pool({ connectionString: pgUrl, max: 10 }) : undefined;
  const direct = (sql: string, params: unknown[]) => (pool ? pool.query(sql, params) : db.query(sql, params));
  try {
    // Every route once under load before any figure: Next loads a route's code on its first request.
    const urls = [...QUERIES.map(([, q]) => `/api/unmapped?${queryString(q)}`), "/api/health", "/api/stats", "/dashboard"];
    for (const u of urls) await loadHttp(`${server.url}${u}`, 64);
    console.log(
      `  ${"GET /api/unmapped".padEnd(27)}  HTTP p50     p99 | rows SQL p50     p99 | p99 ratio | each round     | 1 client: HTTP p50 SQL p50 | before: count(*)  OFFSET rows`,
    );
    for (const [label, q] of QUERIES) {
      const sql = listSql(q);
      const rounds: { http: number[]; sql: number[] }[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        rounds.push({
          http: await loadHttp(`${server.url}/api/unmapped?${queryString(q)}`),
          sql: await load(() => direct(sql.rows, sql.params)),
        });
      }
      const median = (side: "http" | "sql", p: number) => rounds.map((r) => pct(r[side], p)).sort((a, b) => a - b)[ROUNDS >> 1];
      const ratios = rounds.map((r) => (pct(r.http, 99) / pct(r.sql, 99)).toFixed(2)).join(" ");
      // One client at a time: the fixed cost of a request, without queueing behind 31 others.
      const httpAlone = await loadHttp(`${server.url}/api/unmapped?${queryString(q)}`, 40, 1);
      const sqlAlone = await load(() => direct(sql.rows, sql.params), 40, 1);
      const where = sql.where;
      const oldCount = await once(() => direct(`SELECT count(*)::int FROM unmapped_markets ${where}`, sql.params));
      const dir = q.order === "asc" ? "ASC" : "DESC";
      const col = SORT_COLUMN[q.sort];
      const oldRows = await once(() =>
        direct(
          `SELECT ${ITEM_COLUMNS} FROM unmapped_markets ${where} ORDER BY ${col} ${dir}, id ${dir} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
          sql.params,
        ),
      );
      console.log(
        `  ${label.padEnd(27)} ${ms(median("http", 50))} ${ms(median("http", 99))} |      ${ms(median("sql", 50))} ${ms(median("sql", 99))} |` +
          ` ${(median("http", 99) / median("sql", 99)).toFixed(2).padStart(8)}x | ${ratios.padEnd(14)} |        ${ms(pct(httpAlone, 50))} ${ms(pct(sqlAlone, 50))} |` +
          `          ${ms(oldCount)} ${ms(oldRows)}`,
      );
    }
    // The floor of the HTTP stack under the same load: a route that touches no table.
    const health = await loadHttp(`${server.url}/api/health`);
    console.log(
      `  GET /api/health (HTTP floor) ${ms(pct(health, 50))} ${ms(pct(health, 99))} | the same ${CLIENTS} clients on a route that reads no table`,
    );
    const stats = await loadHttp(`${server.url}/api/stats`);
    const oldStats = await once(() => direct(`SELECT source, status, count(*)::int FROM unmapped_markets GROUP BY 1, 2`, []));
    console.log(
      `  GET /api/stats              ${ms(pct(stats, 50))} ${ms(pct(stats, 99))} | aim p99 < 50 ms | before: full GROUP BY scan ${ms(oldStats)} ms`,
    );
    const dashboard = await loadHttp(`${server.url}/dashboard`, 96);
    console.log(`  GET /dashboard (SSR)        ${ms(pct(dashboard, 50))} ${ms(pct(dashboard, 99))} | 96 requests`);
    const mismatches = await counterMismatches(db);
    if (resets) console.log(`  (${resets} requests retried after the server closed a keep-alive socket as it was reused)`);
    resets = 0;
    console.log(
      `  counters equal a full count(*): ${mismatches.length === 0 ? "yes" : `NO ${JSON.stringify(mismatches)}`} (${fmt(await fullCount(db))} markets)`,
    );
  } finally {
    await pool?.end();
    await stop();
  }
}

ensureBuild();
await forEachSize("BENCH_LIST_SIZES", "postgres:100000,postgres:1000000,pglite:100000", benchOne);
await loader.terminate();
