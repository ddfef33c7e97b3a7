// Per-run counts on both databases: written by the flush statement, summing to each run's share of
// the occurrence counts over several flushes per run; never doubled by a retry of a committed
// chunk; pruned once their run is older than the retention.
import { expect, it } from "vitest";
import type { TestDatabase } from "@/server/testing/databases";
import { describeOnDatabases } from "@/server/testing/test-database";
import { alerts } from "@/server/testing/discovery";
import { newRun, recordIn } from "@/server/testing/runs";
import { DiscoveryService } from "./discovery-service";
import { chunksOf, flushBatch, writeChunks } from "./flush";
import { Recorder } from "./recorder";
import { pruneRunCounts } from "./retention";

async function occurrences(t: TestDatabase, prefix: string): Promise<Map<number, number>> {
  const rows = await t.db.query<{ id: number; n: number }>(
    `SELECT id, occurrence_count AS n FROM unmapped_markets WHERE external_market_id LIKE $1`,
    [`${prefix}%`],
  );
  return new Map(rows.map((r) => [Number(r.id), r.n]));
}

async function runCounts(t: TestDatabase, runId: number): Promise<Map<number, { sightings: number; events: number }>> {
  const rows = await t.db.query<{ market_id: number; sightings: number; events: number }>(
    `SELECT market_id, sightings, events FROM market_run_counts WHERE run_id = $1`,
    [runId],
  );
  return new Map(rows.map((r) => [Number(r.market_id), { sightings: r.sightings, events: r.events }]));
}

describeOnDatabases("per-run counts on %s", (t) => {
  it("sum to each run's occurrence count delta, over several flushes per run", async () => {
    const d = new DiscoveryService(t.db, alerts(), { chunkRows: 7 });
    let before = await occurrences(t, "PR");
    for (let run = 0; run < 3; run++) {
      const runId = await newRun(t.db);
      // Four flushes per run (several chunks each); market i is sighted in flush f unless
      // (i + f + run) % 3 == 0, 1 + i % 4 times.
      for (let f = 0; f < 4; f++) {
        for (let i = 0; i < 30; i++) if ((i + f + run) % 3 !== 0) recordIn(d, `PR${i}`, runId, 1 + (i % 4));
        expect((await d.flush()).failed).toHaveLength(0);
      }
      // Sightings outside a run (a journal replay of them) add to the occurrence count only.
      recordIn(d, "PR1", null, 5);
      await d.flush();
      const after = await occurrences(t, "PR");
      const counts = await runCounts(t, runId);
      expect(counts.size).toBe(30);
      const pr1 = await idOf(t, "PR1");
      for (const [id, n] of after) {
        expect(counts.get(id)?.sightings).toBe(n - (before.get(id) ?? 0) - (id === pr1 ? 5 : 0));
      }
      before = after;
    }
    const [{ runs }] = await t.db.query<{ runs: number }>(`SELECT count(DISTINCT run_id)::int AS runs FROM market_run_counts`);
    expect(runs).toBe(3);
  });

  it("counts distinct events per run, added across flushes", async () => {
    const d = new DiscoveryService(t.db, alerts());
    const runId = await newRun(t.db);
    recordIn(d, "EV", runId, 6, Date.now(), 2); // 3 events
    await d.flush();
    recordIn(d, "EV", runId, 4, Date.now(), 4); // 1 more event
    await d.flush();
    const [row] = await t.db.query<{ sightings: number; events: number }>(
      `SELECT c.sightings, c.events FROM market_run_counts c JOIN unmapped_markets m ON m.id = c.market_id
       WHERE m.external_market_id = 'EV' AND c.run_id = $1`,
      [runId],
    );
    expect(row).toEqual({ sightings: 10, events: 4 });
  });

  it("a committed chunk sent again with its batch id (a lost reply's retry) adds no run count", async () => {
    const r = new Recorder();
    const runId = await newRun(t.db);
    for (let i = 0; i < 50; i++) recordIn(r, `RETRY${i}`, runId, 1 + (i % 3));
    const [chunk] = [...chunksOf(r.take(), 1_000)];
    const [a, b] = await Promise.all([writeChunks(t.db, [chunk]), writeChunks(t.db, [chunk])]);
    const again = await writeChunks(t.db, [chunk]);
    for (const x of [a, b, again]) expect(x.failed).toHaveLength(0);
    const [row] = await t.db.query<{ sightings: number; occurrences: number }>(
      `SELECT sum(c.sightings)::int AS sightings, sum(m.occurrence_count)::int AS occurrences
       FROM market_run_counts c JOIN unmapped_markets m ON m.id = c.market_id WHERE c.run_id = $1`,
      [runId],
    );
    const expected = Array.from({ length: 50 }, (_, i) => 1 + (i % 3)).reduce((s, n) => s + n, 0);
    expect(row).toEqual({ sightings: expected, occurrences: expected });
  });

  it("prunes the counts of runs older than the retention in the background, and keeps recent ones", async () => {
    const old = [await newRun(t.db, 45), await newRun(t.db, 31)];
    const recent = [await newRun(t.db, 29), await newRun(t.db, 0)];
    const all = [...old, ...recent];
    // Written straight from a Recorder, not through a DiscoveryService, so no pruning runs before all four runs have counts.
    for (const runId of all) {
      const seed = new Recorder();
      for (let i = 0; i < 40; i++) recordIn(seed, `RET${i}`, runId, 1);
      expect((await flushBatch(t.db, seed.take())).failed).toHaveLength(0);
    }
    const runsLeft = async () =>
      (
        await t.db.query<{ run_id: number }>(
          `SELECT DISTINCT run_id FROM market_run_counts WHERE run_id = ANY($1::int[]) ORDER BY run_id`,
          [all],
        )
      ).map((r) => Number(r.run_id));
    expect(await runsLeft()).toEqual(all);

    // A successful flush starts the background pruning (at most hourly); close() waits for it.
    const d = new DiscoveryService(t.db, alerts(), { runCountsRetentionDays: 30 });
    recordIn(d, "RET0", recent[1], 1);
    await d.flush();
    await d.close();
    expect(await runsLeft()).toEqual(recent);
    expect((await runCounts(t, recent[0])).size).toBe(40);
    expect((await runCounts(t, recent[1])).get(await idOf(t, "RET0"))?.sightings).toBe(2);

    // In bounded batches: batches smaller than the rows to delete still delete them all.
    const older = await newRun(t.db, 40);
    const seed = new Recorder();
    for (let i = 0; i < 25; i++) recordIn(seed, `RET${i}`, older, 1);
    await flushBatch(t.db, seed.take());
    expect(await pruneRunCounts(t.db, 30, 10)).toBe(25);
    expect(await runsLeft()).toEqual(recent);
  });
});

async function idOf(t: TestDatabase, externalId: string): Promise<number> {
  const [row] = await t.db.query<{ id: number }>(`SELECT id FROM unmapped_markets WHERE external_market_id = $1`, [externalId]);
  return Number(row.id);
}
