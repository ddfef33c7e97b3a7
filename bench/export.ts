// `npm run bench` (part): GET /api/unmapped/export.csv over real HTTP against the real server in this
// process, every market (All tab, by last seen), read by a client that counts and drops what it
// receives. Prints rows, bytes, time and the process's resident memory: before the export and the
// peak growth during it, sampled every 20 ms. Constant memory means the growth at 1,000,000 rows is
// about the growth at 100,000 (one batch of rows, the socket's buffers), not ten times it.
// PostgreSQL at 100,000 and 1,000,000 markets, PGlite at 100,000 (BENCH_EXPORT_SIZES overrides).
import { performance } from "node:perf_hooks";
import { ensureBuild } from "@/scripts/lib/build";
import { createToken } from "@/server/testing/auth";
import { memoryPeaks } from "./memory";
import { fmt, forEachSize, seededServer, type Kind } from "./scale";

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

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

async function benchOne(kind: Kind, n: number) {
  console.log(`\n${kind === "postgres" ? "PostgreSQL" : "PGlite"}, ${fmt(n)} markets:`);
  const { server, stop } = await seededServer(kind, n);
  try {
    const token = (await createToken(server.url, "viewer")).token;
    const url = `${server.url}/api/unmapped/export.csv?status=&sort=lastSeenAt&order=desc`;
    // A small export first: the route's code is loaded on its first request, not during the figure.
    await download(`${url}&q=no-such-market`, token);
    global.gc?.();
    const memory = memoryPeaks(20);
    const before = memory.start;
    const t0 = performance.now();
    // The peak so far at every 100,000 rows: constant memory means it stops growing, not that it grows with the rows.
    // With --expose-gc (the npm script passes it) also what is live after a full collection: the
    // peaks include garbage V8 has not collected yet, which it lets grow before a major collection.
    const { rows, bytes } = await download(url, token, 100_000, (r) => {
      memory.sample();
      global.gc?.();
      const live = global.gc ? `, live heap after GC ${mb(process.memoryUsage().heapUsed)}` : "";
      console.log(
        `    at ${fmt(r).padStart(9)} rows: peak RSS growth ${mb(memory.peak.rss - before.rss)}, peak heap growth ${mb(memory.peak.heapUsed - before.heapUsed)}${live}`,
      );
    });
    const seconds = (performance.now() - t0) / 1000;
    memory.stop();
    console.log(
      `  export.csv: ${fmt(rows)} rows${rows === n ? "" : ` (EXPECTED ${fmt(n)})`}, ${mb(bytes)}, ${seconds.toFixed(1)} s ` +
        `(${fmt(rows / seconds)} rows/s) | RSS before ${mb(before.rss)}, peak growth ${mb(memory.peak.rss - before.rss)}; ` +
        `heap used before ${mb(before.heapUsed)}, peak growth ${mb(memory.peak.heapUsed - before.heapUsed)}`,
    );
  } finally {
    await stop();
  }
}

ensureBuild();
await forEachSize("BENCH_EXPORT_SIZES", "postgres:100000,postgres:1000000,pglite:100000", benchOne);
