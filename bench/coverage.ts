// The coverage watch's statement at real scale (`tsx bench/coverage.ts`): two runs of price
// snapshot, 1,500 matches x 2 platforms x 150 market instances (the built-in mappings' keys on
// several lines, the rest unmapped keys), the second run without one mapped market; then one
// watch, timed, on PGlite in memory and (with TEST_DATABASE_URL) on a fresh PostgreSQL database.
import { performance } from "node:perf_hooks";
import type { Platform } from "@/lib/contract/enums";
import { CoverageWatch } from "@/server/coverage/coverage-watch";
import type { Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { log, setLogLevel } from "@/server/log";
import { builtinCatalog } from "@/server/mapping/catalog";
import { nullPublisher } from "@/server/realtime/publisher";
import { onEachDatabase } from "./databases";

const MATCHES = 1_500;
const INSTANCES = 150;
/** Of each platform's instances per event, this many are mapped markets' (keys repeat on several lines). */
const MAPPED = 60;
const PLATFORMS: Platform[] = ["sportybet", "bet9ja"];

/** One run's snapshot, written by the database itself (generate_series): the bench times the watch, not the writing. */
async function fillRun(db: Database, runId: number, keys: Record<Platform, string[]>, without: string | null) {
  await db.query(
    `INSERT INTO snapshot_events (run_id, match_id, event_ids)
     SELECT $1::int, (70000000 + g)::text, jsonb_build_object('sportybet', 'sr:match:' || g, 'bet9ja', g::text)
     FROM generate_series(1, $2::int) g`,
    [runId, MATCHES],
  );
  for (const p of PLATFORMS) {
    await db.query(
      `INSERT INTO snapshot_markets (run_id, match_id, platform, market_key, line, mapped, canonical_id, outcomes)
       SELECT $1::int, (70000000 + g)::text, $2::"Platform",
         CASE WHEN i < $5::int THEN k.keys[1 + i % cardinality(k.keys)] ELSE 'U' || i END,
         CASE WHEN i < $5::int THEN (i / cardinality(k.keys))::text ELSE '' END,
         i < $5::int, NULL,
         '[{"name":"Home","odds":2.1},{"name":"Draw","odds":3.3},{"name":"Away","odds":3.4}]'::jsonb
       FROM generate_series(1, $3::int) g, generate_series(0, $4::int - 1) i, (SELECT $6::text[] AS keys) k
       WHERE $7::text IS NULL OR i >= $5::int OR k.keys[1 + i % cardinality(k.keys)] <> $7::text`,
      [runId, p, MATCHES, INSTANCES, MAPPED, keys[p], p === "bet9ja" ? without : null],
    );
  }
}

async function bench(label: string, db: Database) {
  await migrate(db);
  const entries = builtinCatalog();
  const keys = {
    sportybet: [...new Set(entries.flatMap((e) => (e.sportybetId && e.betpawaId ? [e.sportybetId] : [])))],
    bet9ja: [...new Set(entries.flatMap((e) => (e.bet9jaKey && e.betpawaId ? [e.bet9jaKey] : [])))],
  };
  await fillRun(db, 1, keys, null);
  await fillRun(db, 2, keys, "S_OU");
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM snapshot_markets`);
  // The longest read: what the database is held for at a time (on PGlite, every request waits for it).
  let longest = 0;
  const timed = new Proxy(db, {
    get(target, key, receiver) {
      if (key !== "queryBulk") return Reflect.get(target, key, receiver);
      return async (sql: string, params?: unknown[]) => {
        const started = performance.now();
        const rows = await target.queryBulk(sql, params);
        longest = Math.max(longest, performance.now() - started);
        return rows;
      };
    },
  });
  const watch = new CoverageWatch(timed, nullPublisher);
  const times: number[] = [];
  let raised = 0;
  for (let i = 0; i < 3; i++) {
    await db.query(`DELETE FROM coverage_alerts`);
    const started = performance.now();
    const change = await watch.afterRun(2, PLATFORMS, entries, log);
    times.push(performance.now() - started);
    raised = change?.count ?? -1;
  }
  const ms = times.map((t) => t.toFixed(0)).join(", ");
  console.log(
    `${label}: ${n.toLocaleString("en-US")} snapshot rows (2 runs); the watch raised ${raised} alert(s) in ${ms} ms (3 tries), ` +
      `its longest statement ${longest.toFixed(0)} ms`,
  );
}

setLogLevel("warn");
await onEachDatabase(bench);
