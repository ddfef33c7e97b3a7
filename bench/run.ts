// `npm run bench`: throughput of the discovery write path, printed as figures and as ratios
// against a baseline measured in the same run. Not a test: nothing here passes or fails.
//   recorder: sightings/s through Recorder.record (baseline: a bare Map counter of the same keys)
//   flush:    rows/s of flushBatch for 10,000 distinct markets, insert and update passes, on PGlite
//             and PostgreSQL (baseline: one raw INSERT … VALUES … ON CONFLICT of the same rows)
import { onEachDatabase } from "./databases";
import { performance } from "node:perf_hooks";
import type { Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { flushBatch } from "@/server/discovery/flush";
import { Recorder, type PendingMarket } from "@/server/discovery/recorder";
import type { Sighting } from "@/server/scraping/types";

const MARKETS = 10_000;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function sightings(n: number): Sighting[] {
  return Array.from({ length: n }, (_, i) => ({
    source: i % 2 ? "sportybet" : "bet9ja",
    eventId: `sr:match:${i % 1500}`,
    externalMarketId: `M${i % MARKETS}`,
    name: `Market ${i % MARKETS}`,
    specifier: i % 3 ? `total=${(i % 5) + 0.5}` : null,
    outcomes: [
      { name: "Over", odds: 1.9 },
      { name: "Under", odds: 1.9 },
    ],
  }));
}

function benchRecorder() {
  const input = sightings(200_000);
  const rounds = 15;
  // Warm up both paths so the JIT has compiled them before timing.
  for (let w = 0; w < 3; w++) {
    const r = new Recorder();
    for (const s of input) r.record(s, "UNKNOWN_MARKET", 1);
  }
  let t0 = performance.now();
  for (let k = 0; k < rounds; k++) {
    const r = new Recorder();
    for (const s of input) r.record(s, "UNKNOWN_MARKET", 1);
  }
  const recorderRate = (input.length * rounds) / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let k = 0; k < rounds; k++) {
    const m = new Map<string, number>();
    for (const s of input) {
      const key = s.source + "\u0000" + s.externalMarketId;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  const baseRate = (input.length * rounds) / ((performance.now() - t0) / 1000);
  console.log(
    `recorder: ${fmt(recorderRate)} sightings/s; bare Map counter ${fmt(baseRate)}/s; ratio ${(recorderRate / baseRate).toFixed(2)}x`,
  );
}

function batch(): PendingMarket[] {
  const r = new Recorder();
  for (const s of sightings(MARKETS * 3)) r.record(s, "UNKNOWN_MARKET");
  return r.take();
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function rawUpsertSql(rows: PendingMarket[]): string {
  const values = rows
    .map(
      (p) =>
        `(${lit(p.source)}::"Platform", ${lit(p.externalMarketId)}, ${lit(p.name)}, ${lit(p.reason)}::"UnmappedReason", ` +
        `${lit(JSON.stringify(p.outcomes))}::jsonb, ARRAY[${p.specifiers.map(lit).join(",")}]::text[], ` +
        `${lit(new Date(p.firstSeenAt).toISOString())}::timestamptz, ${lit(new Date(p.lastSeenAt).toISOString())}::timestamptz, ${p.count}, 0)`,
    )
    .join(",\n");
  return `INSERT INTO unmapped_markets AS t (source, external_market_id, market_name, reason, sample_outcomes, specifiers,
    first_seen_at, last_seen_at, occurrence_count, priority_raw) VALUES ${values}
    ON CONFLICT (source, external_market_id) DO UPDATE SET occurrence_count = t.occurrence_count + EXCLUDED.occurrence_count,
    last_seen_at = EXCLUDED.last_seen_at`;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

async function benchFlush(label: string, db: Database) {
  await migrate(db);
  const rows = batch();
  const rawSql = rawUpsertSql(rows);
  const methods = {
    flush: async () => {
      const r = await flushBatch(db, rows);
      if (r.failed.length) throw r.error;
    },
    raw: () => db.exec(rawSql),
  };
  // Every measurement starts from the same state: an empty table (insert pass) or one holding
  // the same rows (update pass), vacuumed. Median of 5.
  const measure = async (pass: "insert" | "update", fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await db.exec("TRUNCATE unmapped_markets CASCADE");
      if (pass === "update") await methods.flush();
      await db.exec("VACUUM ANALYZE unmapped_markets");
      times.push(await timed(fn));
    }
    return times.sort((a, b) => a - b)[2];
  };
  const lines: string[] = [];
  for (const pass of ["insert", "update"] as const) {
    const flushSeconds = await measure(pass, methods.flush);
    const rawSeconds = await measure(pass, methods.raw);
    lines.push(
      `  ${pass}: flush ${fmt(rows.length / flushSeconds)} rows/s (${(flushSeconds * 1000).toFixed(0)} ms); ` +
        `raw statement ${fmt(rows.length / rawSeconds)} rows/s (${(rawSeconds * 1000).toFixed(0)} ms); ` +
        `flush/raw ${(rawSeconds / flushSeconds).toFixed(2)}x`,
    );
  }
  console.log(`flush of ${fmt(rows.length)} distinct markets on ${label}:\n${lines.join("\n")}`);
}

benchRecorder();
await onEachDatabase(benchFlush);
