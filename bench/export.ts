// `npm run bench` (part): GET /api/unmapped/export.csv over real HTTP against the real server in this
// process, every market (All tab, by last seen), read by a client that counts and drops what it
// receives. Prints rows, bytes, time and the process's resident memory: before the export and the
// peak growth during it, sampled every 20 ms. Constant memory means the growth at 1,000,000 rows is
// about the growth at 100,000 (one batch of rows, the socket's buffers), not ten times it.
// PostgreSQL at 100,000 and 1,000,000 markets, PGlite at 100,000 (BENCH_EXPORT_SIZES overrides).
import { performance } from "node:perf_hooks";
import { ensureBuild } from "@/scripts/lib/build";
import { startServer } from "@/server/app-server";
import { openDatabase, type Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { createToken } from "@/server/testing/auth";
import { createPostgresDatabase } from "@/server/testing/databases";
import { seedMarkets } from "@/server/testing/seed";
import { inProcessConfig } from "@/server/testing/server";

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Seeds with the secondary indexes dropped and rebuilt after (as bench/list.ts): building an index is far faster than maintaining it. */
async function seed(db: Database, n: number) {
  const t0 = performance.now();
  const idx = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'unmapped_markets'
     AND indexname NOT IN ('unmapped_markets_pkey', 'unmapped_markets_source_external_market_id_key')`,
  );
  await db.exec(idx.map((i) => `DROP INDEX "${i.indexname}";`).join("\n"));
  await seedMarkets(db, n);
  await db.exec(idx.map((i) => `${i.indexdef};`).join("\n"));
  await db.exec("VACUUM ANALYZE unmapped_markets");
  console.log(`  seeded ${fmt(n)} markets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * Downloads the export, counting rows (CRLF record ends: the seeded text has no line breaks) and
 * bytes; `onRows` is told the count as it passes each multiple of `every`.
 */
async function download(url: string, token: string, every = Infinity, onRows: (rows: number) => void = () => undefined) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
  let bytes = 0;
  let records = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) {
      if (value[i] !== 10) continue;
      records++;
      if ((records - 1) % every === 0 && records > 1) onRows(records - 1);
    }
  }
  return { bytes, rows: records - 1 };
}

async function benchOne(kind: "pglite" | "postgres", n: number) {
  console.log(`\n${kind === "postgres" ? "PostgreSQL" : "PGlite"}, ${fmt(n)} markets:`);
  const created = kind === "postgres" ? await createPostgresDatabase() : undefined;
  if (created) {
    const db = await openDatabase({ url: created.url });
    await migrate(db);
    await seed(db, n);
    await db.close();
  }
  const config = inProcessConfig({ LOG_LEVEL: "error", ...(created ? { DATABASE_URL: created.url } : {}) });
  const server = await startServer(config, { sources: [], log: () => undefined });
  try {
    if (!created) await seed(server.runtime.db, n);
    const token = (await createToken(server.url, "viewer")).token;
    const url = `${server.url}/api/unmapped/export.csv?status=&sort=lastSeenAt&order=desc`;
    // A small export first: the route's code is loaded on its first request, not during the figure.
    await download(`${url}&q=no-such-market`, token);
    global.gc?.();
    const before = process.memoryUsage();
    let peak = before.rss;
    let peakHeap = before.heapUsed;
    const sample = () => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const sampler = setInterval(sample, 20);
    const t0 = performance.now();
    // The peak so far at every 100,000 rows: constant memory means it stops growing, not that it grows with the rows.
    // With --expose-gc (the npm script passes it) also what is live after a full collection: the
    // peaks include garbage V8 has not collected yet, which it lets grow before a major collection.
    const { rows, bytes } = await download(url, token, 100_000, (r) => {
      sample();
      global.gc?.();
      const live = global.gc ? `, live heap after GC ${mb(process.memoryUsage().heapUsed)}` : "";
      console.log(
        `    at ${fmt(r).padStart(9)} rows: peak RSS growth ${mb(peak - before.rss)}, peak heap growth ${mb(peakHeap - before.heapUsed)}${live}`,
      );
    });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    sample();
    console.log(
      `  export.csv: ${fmt(rows)} rows${rows === n ? "" : ` (EXPECTED ${fmt(n)})`}, ${mb(bytes)}, ${seconds.toFixed(1)} s ` +
        `(${fmt(rows / seconds)} rows/s) | RSS before ${mb(before.rss)}, peak growth ${mb(peak - before.rss)}; ` +
        `heap used before ${mb(before.heapUsed)}, peak growth ${mb(peakHeap - before.heapUsed)}`,
    );
  } finally {
    await server.stop();
    await created?.drop();
  }
}

ensureBuild();
const sizes = (process.env.BENCH_EXPORT_SIZES ?? "postgres:100000,postgres:1000000,pglite:100000").split(",").map((s) => {
  const [kind, n] = s.split(":");
  return { kind: kind as "pglite" | "postgres", n: Number(n) };
});
const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
for (const { kind, n } of sizes) {
  if (kind === "postgres" && !pgUrl) {
    console.log(`PostgreSQL ${fmt(n)}: skipped (set TEST_DATABASE_URL=postgres://… to include it)`);
    continue;
  }
  await benchOne(kind, n);
}
