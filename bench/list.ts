// List queries at scale: the same API queries on 1,000 and on 100,000 unmapped markets, so the
// ratio shows how each one scales (1.0x = independent of table size).
import { performance } from "node:perf_hooks";
import type { UnmappedListQuery } from "@/lib/contract/unmapped";
import { openDatabase, type Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { flushBatch } from "@/server/discovery/flush";
import type { PendingMarket } from "@/server/discovery/recorder";
import { TriageService } from "@/server/discovery/triage-service";

const WORDS = ["Corners", "Bookings", "Player", "Shots", "Goal", "Half", "Handicap", "Over/Under", "Team", "Minute", "Race", "Range"];

function rows(n: number): PendingMarket[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    source: i % 2 ? "sportybet" : "bet9ja",
    externalMarketId: i % 2 ? String(100000 + i) : `S_BENCH${i}`,
    name: `${WORDS[i % 12]} ${WORDS[(i * 7) % 12]} ${WORDS[(i * 5) % 12]} ${i}`,
    reason: i % 10 === 0 ? "UNKNOWN_PARAM_MARKET" : "UNKNOWN_MARKET",
    count: 1 + ((i * 7919) % 5000),
    firstSeenAt: now - ((i * 104729) % (30 * 86_400_000)),
    lastSeenAt: now - ((i * 1299709) % (3 * 86_400_000)),
    outcomes: [{ name: "Yes", odds: 1.5 }],
    specifiers: [],
    runId: null,
    events: 0,
    runSightings: 0,
    lastEventId: "",
  }));
}

const base: UnmappedListQuery = { sort: "lastSeenAt", order: "desc", page: 1, pageSize: 50 };
const QUERIES: [string, UnmappedListQuery][] = [
  ["default (lastSeenAt desc)", base],
  ["status=NEW by priority", { ...base, status: ["NEW"], sort: "priority" }],
  ["sportybet by occurrenceCount", { ...base, source: "sportybet", sort: "occurrenceCount" }],
  ["search q=corners", { ...base, q: "corners" }],
  ["minOccurrences=4000", { ...base, minOccurrences: 4000 }],
  ["page 100", { ...base, page: 100 }],
];

async function seeded(n: number): Promise<{ db: Database; triage: TriageService }> {
  const db = await openDatabase({ memory: true });
  await migrate(db);
  const all = rows(n);
  for (let i = 0; i < all.length; i += 10_000) await flushBatch(db, all.slice(i, i + 10_000));
  await db.exec("VACUUM ANALYZE unmapped_markets");
  return { db, triage: new TriageService(db) };
}

async function median(fn: () => Promise<unknown>, runs = 9): Promise<number> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const small = await seeded(1_000);
const large = await seeded(100_000);
console.log("GET /api/unmapped query on PGlite, median ms: 1,000 rows | 100,000 rows | ratio");
for (const [label, q] of QUERIES) {
  const a = await median(() => small.triage.list(q));
  const b = await median(() => large.triage.list(q));
  console.log(`  ${label.padEnd(30)} ${a.toFixed(1).padStart(7)} | ${b.toFixed(1).padStart(7)} | ${(b / a).toFixed(1)}x`);
}
await small.db.close();
await large.db.close();
