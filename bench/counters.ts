// `npm run bench` (part): what the market_counts triggers cost the write path. The same flush of
// 10,000 distinct markets (insert pass: all new; update pass: all known) and a bulk status change
// of 5,000 markets, with the counter triggers on and with them disabled (the baseline), measured
// alternately in the same run on PGlite and PostgreSQL. Median of 3; ratio = with / without.
import { onEachDatabase } from "./databases";
import { performance } from "node:perf_hooks";
import type { Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { flushBatch } from "@/server/discovery/flush";
import { counterMismatches, pendingMarkets } from "@/server/testing/seed";

const MARKETS = 10_000;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bench(label: string, db: Database) {
  await migrate(db);
  const rows = pendingMarkets(MARKETS, "C");
  const flush = async () => {
    const r = await flushBatch(db, rows);
    if (r.failed.length) throw r.error;
  };
  const passes = {
    "flush insert": { before: async () => undefined, run: flush },
    "flush update": { before: flush, run: flush },
    "status change of 5,000": { before: flush, run: () => db.exec(`UPDATE unmapped_markets SET status = 'IGNORED' WHERE id % 2 = 0`) },
  };
  const times: Record<string, { on: number[]; off: number[] }> = {};
  for (let round = 0; round < 3; round++) {
    for (const [name, pass] of Object.entries(passes)) {
      for (const mode of ["on", "off"] as const) {
        await db.exec("TRUNCATE unmapped_markets RESTART IDENTITY CASCADE");
        await db.exec("DELETE FROM market_counts");
        if (mode === "off") await db.exec("ALTER TABLE unmapped_markets DISABLE TRIGGER USER");
        await pass.before();
        await db.exec("VACUUM ANALYZE unmapped_markets");
        const ms = await timed(pass.run);
        if (mode === "off") await db.exec("ALTER TABLE unmapped_markets ENABLE TRIGGER USER");
        (times[name] ??= { on: [], off: [] })[mode].push(ms);
      }
    }
  }
  // The last state was written with triggers off: refill, then the triggers must keep it exact.
  await db.exec("TRUNCATE unmapped_markets RESTART IDENTITY CASCADE");
  await flush();
  await db.exec(`UPDATE unmapped_markets SET status = 'IGNORED' WHERE id % 3 = 0`);
  const exact = (await counterMismatches(db)).length === 0;
  console.log(`counter triggers on ${label} (median of 3, ms: triggers on | off (baseline) | ratio):`);
  for (const [name, t] of Object.entries(times)) {
    const on = median(t.on);
    const off = median(t.off);
    console.log(`  ${name.padEnd(24)} ${on.toFixed(0).padStart(6)} | ${off.toFixed(0).padStart(6)} | ${(on / off).toFixed(2)}x`);
  }
  console.log(`  counters equal a full count(*) afterwards: ${exact ? "yes" : "NO"}`);
}

await onEachDatabase(bench);
