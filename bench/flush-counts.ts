// `npm run bench` (part): what the team-triage work costs the flush statement. The same flush of
// 10,000 distinct markets in a run (insert: all new; next run: all known from an earlier run, the
// steady state of a scrape; same run: all known, sighted earlier in this run; known ones with a baseline) with today's statement (per-run counts, snooze and
// escalation turns) against the statement before them, kept below verbatim, measured alternately
// in the same run on PGlite and PostgreSQL. Median of 3; ratio = with / without (aim: <= 1.5x).
// Also times the run-end statement that settles 10,000 baselines.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { chunksOf, FLUSH_CHUNK_ROWS, flushBatch, toRecordsetJson } from "@/server/discovery/flush";
import { MAX_SPECIFIERS, type PendingMarket } from "@/server/discovery/recorder";
import { settleRun } from "@/server/discovery/run-counts";
import { pendingMarkets } from "@/server/testing/seed";
import { onEachDatabase } from "./databases";

const MARKETS = 10_000;
const ROUNDS = 3;

// The flush statement as it was before per-run counts, snooze and escalation (commit 4ab2757).
const REGRESSES = `t.status = 'MAPPED' AND EXCLUDED.last_seen_at > COALESCE(t.mapped_at, '-infinity'::timestamptz)`;

const PREVIOUS_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(s text, e text, n text, r text, o jsonb, l text[],
    f timestamptz, z timestamptz, c int, run int, ev int, rs int)
), regressing AS (
  SELECT m.id FROM unmapped_markets m JOIN input i ON m.source = i.s::"Platform" AND m.external_market_id = i.e
  WHERE m.status = 'MAPPED' AND i.z > COALESCE(m.mapped_at, '-infinity'::timestamptz)
  ORDER BY m.id FOR UPDATE OF m
), up AS (
  INSERT INTO unmapped_markets AS t
    (source, external_market_id, market_name, reason, sample_outcomes, specifiers,
     first_seen_at, last_seen_at, occurrence_count, priority_raw, last_run_id, last_run_events, last_run_sightings)
  SELECT r.s::"Platform", r.e, r.n, r.r::"UnmappedReason", r.o, r.l, r.f, r.z, r.c,
         ln(1.0 + r.c) + extract(epoch FROM r.z)::float8 / 86400.0,
         r.run, COALESCE(r.ev, 0), COALESCE(r.rs, 0)
  FROM input r
  ORDER BY r.s, r.e
  ON CONFLICT (source, external_market_id) DO UPDATE SET
    occurrence_count = t.occurrence_count + EXCLUDED.occurrence_count,
    first_seen_at    = LEAST(t.first_seen_at, EXCLUDED.first_seen_at),
    last_seen_at     = GREATEST(t.last_seen_at, EXCLUDED.last_seen_at),
    market_name      = CASE WHEN EXCLUDED.last_seen_at >= t.last_seen_at THEN EXCLUDED.market_name ELSE t.market_name END,
    reason           = CASE WHEN EXCLUDED.last_seen_at >= t.last_seen_at THEN EXCLUDED.reason ELSE t.reason END,
    sample_outcomes  = CASE WHEN EXCLUDED.last_seen_at >= t.last_seen_at AND jsonb_array_length(EXCLUDED.sample_outcomes) > 0
                            THEN EXCLUDED.sample_outcomes ELSE t.sample_outcomes END,
    specifiers       = CASE WHEN EXCLUDED.specifiers <@ t.specifiers THEN t.specifiers ELSE ARRAY(
                         SELECT u.s FROM unnest(t.specifiers || EXCLUDED.specifiers) WITH ORDINALITY AS u(s, i)
                         GROUP BY u.s ORDER BY min(u.i) LIMIT ${MAX_SPECIFIERS}) END,
    priority_raw     = ln(1.0 + t.occurrence_count + EXCLUDED.occurrence_count)
                       + extract(epoch FROM GREATEST(t.last_seen_at, EXCLUDED.last_seen_at))::float8 / 86400.0,
    last_run_id      = COALESCE(EXCLUDED.last_run_id, t.last_run_id),
    last_run_events  = CASE WHEN EXCLUDED.last_run_id IS NULL THEN t.last_run_events
                            WHEN EXCLUDED.last_run_id = t.last_run_id THEN t.last_run_events + EXCLUDED.last_run_events
                            ELSE EXCLUDED.last_run_events END,
    last_run_sightings = CASE WHEN EXCLUDED.last_run_id IS NULL THEN t.last_run_sightings
                            WHEN EXCLUDED.last_run_id = t.last_run_id THEN t.last_run_sightings + EXCLUDED.last_run_sightings
                            ELSE EXCLUDED.last_run_sightings END,
    status           = CASE WHEN ${REGRESSES} THEN 'NEW'::"TriageStatus" ELSE t.status END,
    regressed_at     = CASE WHEN ${REGRESSES} THEN now() ELSE t.regressed_at END,
    version          = CASE WHEN ${REGRESSES} THEN t.version + 1 ELSE t.version END,
    updated_at       = CASE WHEN ${REGRESSES} THEN now() ELSE t.updated_at END
  RETURNING t.id, (t.xmax = 0) AS inserted, t.status, t.source, t.external_market_id, t.market_name, t.reason
), reopened AS (
  SELECT up.id FROM up JOIN regressing g ON g.id = up.id WHERE up.status = 'NEW'
), batch AS (
  -- Its primary key is what makes a retry of a committed chunk fail instead of counting twice.
  INSERT INTO flush_batches (id, announced)
  SELECT $2::uuid, COALESCE(jsonb_agg(jsonb_build_object('id', a.id, 'source', a.source, 'externalMarketId', a.external_market_id,
           'marketName', a.market_name, 'reason', a.reason, 'regressed', a.regressed)), '[]'::jsonb)
  FROM (SELECT up.*, up.id IN (SELECT id FROM reopened) AS regressed FROM up) a
  WHERE a.inserted OR a.regressed
), audit AS (
  INSERT INTO audit_log (entity_type, entity_id, action, actor_type, actor, before, after, reason)
  SELECT 'unmapped_market', id::text, 'regressed', 'scraper', 'scraper', '{"status":"MAPPED"}'::jsonb, '{"status":"NEW"}'::jsonb,
         'Sighted unmapped again after it was mapped'
  FROM reopened
)
SELECT up.id, up.inserted, (up.id IN (SELECT id FROM reopened)) AS regressed,
  -- Only announced rows carry their identity back.
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.source END AS source,
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.external_market_id END AS external_market_id,
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.market_name END AS market_name,
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.reason END AS reason
FROM up`;

/** The previous statement over the same chunks, one statement per chunk like flushBatch. */
async function previousFlush(db: Database, rows: PendingMarket[]): Promise<void> {
  for (const chunk of chunksOf(rows, FLUSH_CHUNK_ROWS[db.kind])) {
    const sorted = [...chunk.rows].sort((a, b) => (a.source + a.externalMarketId < b.source + b.externalMarketId ? -1 : 1));
    await db.queryBulk(PREVIOUS_SQL, [toRecordsetJson(sorted), randomUUID()]);
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** What the measured flush finds: no market; known markets in an earlier run; known markets earlier in its run. */
const PASSES = ["insert", "next run", "same run"] as const;

async function bench(label: string, db: Database) {
  await migrate(db);
  const runs: number[] = [];
  for (let i = 0; i < 2; i++)
    runs.push(Number((await db.query<{ id: number }>(`INSERT INTO scrape_runs (trigger) VALUES ('manual') RETURNING id`))[0].id));
  const inRun = (runId: number) => pendingMarkets(MARKETS, "FC").map((p) => ({ ...p, runId }));
  const [earlier, measured] = [inRun(runs[0]), inRun(runs[1])];
  const flushes = {
    with: async (rows: PendingMarket[]) => {
      const r = await flushBatch(db, rows);
      if (r.failed.length) throw r.error;
    },
    without: (rows: PendingMarket[]) => previousFlush(db, rows),
  };
  const times: Record<string, { with: number[]; without: number[] }> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const pass of PASSES) {
      for (const mode of ["without", "with"] as const) {
        await db.exec("TRUNCATE unmapped_markets RESTART IDENTITY CASCADE; TRUNCATE flush_batches, audit_log");
        if (pass !== "insert") {
          await flushes[mode](pass === "next run" ? earlier : measured);
          // Steady markets: a baseline each (threshold 30, over what the pass adds), none flagged.
          await db.exec("UPDATE unmapped_markets SET baseline = 10");
          for (const table of ["unmapped_markets", "market_run_counts"]) await db.exec(`VACUUM ANALYZE ${table}`);
        }
        // The insert pass starts like a fresh database: tables never analyzed (PGlite has no
        // autovacuum). Analyzed while empty, the per-row foreign key check of market_run_counts
        // is planned as a sequential scan and kept while the table grows: see DECISIONS.
        (times[pass] ??= { with: [], without: [] })[mode].push(await timed(() => flushes[mode](measured)));
      }
    }
  }
  // The state the last round left: 10,000 markets sighted twice in the run, with per-run counts.
  const settle = await timed(() => settleRun(db, runs[1]));
  console.log(
    `flush with per-run counts on ${label} (${MARKETS.toLocaleString("en")} markets, median of ${ROUNDS}, ms: with | without | ratio):`,
  );
  for (const [pass, t] of Object.entries(times)) {
    const w = median(t.with);
    const wo = median(t.without);
    console.log(`  ${pass.padEnd(8)} ${w.toFixed(0).padStart(6)} | ${wo.toFixed(0).padStart(6)} | ${(w / wo).toFixed(2)}x`);
  }
  console.log(`  run end: baselines of ${MARKETS.toLocaleString("en")} markets settled in ${settle.toFixed(0)} ms`);
}

await onEachDatabase(bench);
