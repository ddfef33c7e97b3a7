// A real scrape cycle writes per-run counts through its flushes and settles the baselines when the
// run ends: after three identical runs every unmapped market's baseline is its sightings per run.
import { expect, it } from "vitest";
import { nullPublisher } from "@/server/realtime/publisher";
import { cycleDeps, reloadedMappings, runManualCycle } from "@/server/testing/cycle";
import { describeOnDatabases } from "@/server/testing/test-database";
import { fixtureSource } from "@/server/testing/fixture-source";

describeOnDatabases("runs settle baselines on %s", (t) => {
  it("each run's counts equal its sightings; the third run gives every market a baseline", async () => {
    const mappings = await reloadedMappings(t.db);
    const deps = cycleDeps(t.db, { sources: [fixtureSource(4)], mappings: mappings.cache, publisher: nullPublisher, flushEveryEvents: 3 });
    const state = () =>
      t.db.query<{ id: number; occurrence_count: number; baseline: number | null }>(
        `SELECT id, occurrence_count, baseline FROM unmapped_markets ORDER BY id`,
      );
    for (let r = 1; r <= 3; r++) {
      const run = await runManualCycle(deps);
      expect(run.status).toBe("completed");
      const markets = await state();
      const counts = await t.db.query<{ market_id: number; sightings: number }>(
        `SELECT market_id, sightings FROM market_run_counts WHERE run_id = $1 ORDER BY market_id`,
        [run.id],
      );
      // Identical runs: each run's count is the market's occurrence count divided by the runs so far.
      expect(counts.map((c) => [Number(c.market_id), c.sightings])).toEqual(markets.map((m) => [Number(m.id), m.occurrence_count / r]));
      for (const m of markets) expect(m.baseline).toBe(r < 3 ? null : m.occurrence_count / 3);
    }
  });
});
