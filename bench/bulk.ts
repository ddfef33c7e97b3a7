// `npm run bench` (part): triage at scale, through the services (the SQL is the cost; HTTP adds the
// same fixed cost to either side).
// 1. A bulk change of 10,000 markets and its undo, beside the baseline measured in the same run: one
//    plain UPDATE of the same rows and columns. Each action of the list's bulk bar (one field, one
//    audit row per market), then three fields in one request (three audit rows per market). Aim:
//    the bulk change under 1 s on PGlite.
// 2. The list page with trendRuns=12 (the sparkline, same statement) against the same page without
//    it, at 100,000 markets with 12 runs of per-run counts (half the markets sighted in each run).
// Median of several runs each, alternating so neither side gets the warmer cache.
import { performance } from "node:perf_hooks";
import type { BulkRequest, UnmappedListQuery } from "@/lib/contract/unmapped";
import type { Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { TriageService } from "@/server/discovery/triage-service";
import { seedMarkets } from "@/server/testing/seed";
import { BulkService } from "@/server/triage/bulk-service";
import { UndoService } from "@/server/triage/undo-service";
import { onEachDatabase } from "./databases";

const BULK = 10_000;
const LIST_MARKETS = 100_000;
const RUNS = 12;
const ACTOR = { type: "user" as const, id: "bench", name: "Bench" };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** A bulk change, what it sets, and the plain UPDATE of the same columns it is compared with. */
const SCENARIOS: { label: string; set: (i: number) => BulkRequest["set"]; plain: string }[] = [
  {
    // What the list's bulk bar sends: one field per action (here: Ignore).
    label: "status (the bulk bar's Ignore)",
    set: () => ({ status: "IGNORED" }),
    plain: `status = 'IGNORED'`,
  },
  {
    label: "assignee (the bulk bar's Assign)",
    set: () => ({ assigneeId: "bench" }),
    plain: `assignee_id = 'bench'`,
  },
  {
    // A snooze ignores the market until its condition is met: status and the snooze columns.
    label: "snooze for a day (the bulk bar's Snooze)",
    set: () => ({ snooze: { until: new Date(Date.now() + 86_400_000).toISOString() } }),
    plain: `status = 'IGNORED', snoozed_at = now(), snooze_until = now() + interval '1 day'`,
  },
  {
    label: "note (the bulk bar's Add note)",
    set: (i) => ({ addNote: `bench ${i}` }),
    plain: `notes = 'plain'`,
  },
  {
    label: "status + assignee + note in one request",
    set: (i) => ({ status: "IGNORED", assigneeId: "bench", addNote: `bench ${i}` }),
    plain: `status = 'IGNORED', assignee_id = 'bench', notes = 'plain'`,
  },
];

async function benchBulk(db: Database) {
  const ids = Array.from({ length: BULK }, (_, i) => i + 1);
  const bulk = new BulkService(db);
  const undo = new UndoService(db);
  const literal = `{${ids.join(",")}}`;
  // Each change meets the table as the app leaves it a second after the one before: vacuumed, by
  // PGlite's maintainer (server/db/maintenance.ts) or PostgreSQL's autovacuum.
  const vacuum = () => db.exec("VACUUM unmapped_markets");
  console.log(
    `  bulk change of ${BULK.toLocaleString("en-US")} markets (audited per market and field, undoable), median of 3; aim < 1,000 ms on PGlite`,
  );
  for (const scenario of SCENARIOS) {
    const bulkTimes: number[] = [];
    const undoTimes: number[] = [];
    const plainTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const req: BulkRequest = { scope: { ids }, set: scenario.set(i), reason: "bench" };
      let changeId = "";
      await vacuum();
      bulkTimes.push(await time(async () => ({ changeId } = await bulk.run(req, ACTOR, null))));
      await vacuum();
      undoTimes.push(await time(() => undo.undo(changeId, ACTOR)));
      await vacuum();
      plainTimes.push(
        await time(() =>
          db.query(`UPDATE unmapped_markets SET ${scenario.plain}, version = version + 1, updated_at = now() WHERE id = ANY($1::int[])`, [
            literal,
          ]),
        ),
      );
      await db.query(
        `UPDATE unmapped_markets SET status = 'NEW', assignee_id = NULL, notes = NULL, snoozed_at = NULL, snooze_until = NULL WHERE id = ANY($1::int[])`,
        [literal],
      );
    }
    const b = median(bulkTimes);
    const p = median(plainTimes);
    console.log(`    ${scenario.label}`);
    console.log(`      POST /api/unmapped/bulk service  ${ms(b)}   ${(b / p).toFixed(2)}x the plain UPDATE`);
    console.log(`      its undo                         ${ms(median(undoTimes))}`);
    console.log(`      baseline: one plain UPDATE       ${ms(p)}   (no change set, no audit, no checks)`);
  }
}

async function benchList(db: Database) {
  await seedMarkets(db, LIST_MARKETS - BULK, { start: BULK + 1 });
  await db.query(
    `INSERT INTO scrape_runs (trigger, status, started_at, finished_at)
     SELECT 'scheduled', 'completed', now() - (${RUNS} - g) * interval '10 minutes', now() FROM generate_series(1, ${RUNS}) g`,
  );
  // Half the markets in each run, a different half each time.
  await db.query(
    `INSERT INTO market_run_counts (market_id, run_id, sightings, events)
     SELECT m.id, r.id, 1 + (m.id + r.id) % 7, 1 FROM unmapped_markets m CROSS JOIN scrape_runs r WHERE (m.id + r.id) % 2 = 0`,
  );
  await db.exec("ANALYZE");
  const triage = new TriageService(db);
  const base: UnmappedListQuery = { sort: "lastSeenAt", order: "desc", page: 1, pageSize: 50 };
  const queries: [string, UnmappedListQuery][] = [
    ["first page", base],
    ["NEW by priority", { ...base, status: ["NEW"], sort: "priority" }],
    ["deep: page 1,000", { ...base, page: 1000 }],
  ];
  console.log(`  list at ${LIST_MARKETS.toLocaleString("en-US")} markets, ${RUNS} runs of per-run counts: median of 20`);
  for (const [label, q] of queries) {
    const without: number[] = [];
    const withTrend: number[] = [];
    for (let i = 0; i < 20; i++) {
      without.push(await time(() => triage.list(q)));
      withTrend.push(await time(() => triage.list({ ...q, trendRuns: RUNS })));
    }
    const a = median(without);
    const b = median(withTrend);
    console.log(`    ${label.padEnd(18)} without ${ms(a)} | trendRuns=${RUNS} ${ms(b)} | ${(b / a).toFixed(2)}x`);
  }
}

console.log("Triage bulk change and list sparklines");
await onEachDatabase(async (label, db) => {
  console.log(label);
  await migrate(db);
  await db.query(`INSERT INTO users (id, name, email, role) VALUES ('bench', 'Bench', 'bench@example.test', 'triager')`);
  await seedMarkets(db, BULK, { statuses: { ignoredEvery: 1_000_000, acknowledgedEvery: 1_000_000, mappedEvery: 1_000_000 } });
  await benchBulk(db);
  await benchList(db);
});
