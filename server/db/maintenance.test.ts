// PGlite runs no autovacuum: the app vacuums the tables every run rewrites, when autovacuum would.
// A user sees it as a database that stops growing run after run, instead of growing for ever (and
// slowing every change that touches the old versions' index entries).
import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@/server/testing/databases";
import { seedMarkets } from "@/server/testing/seed";
import { waitFor } from "@/server/testing/wait";
import { EmbeddedMaintainer, maintainEmbedded, vacuumBloatedTables } from "./maintenance";
import { ANALYZE_MIN_MARKETS } from "./planner-stats";

const MARKETS = 5_000;
const ROUNDS = 6;

/** What one run's flush does to every market it sighted: a new version of the row. */
const rewriteAll = (t: TestDatabase) =>
  t.db.query(`UPDATE unmapped_markets SET occurrence_count = occurrence_count + 1, last_seen_at = now()`);
const totalBytes = async (t: TestDatabase) =>
  Number((await t.db.query<{ n: string }>(`SELECT pg_total_relation_size('unmapped_markets')::bigint AS n`))[0].n);
const deadRows = async (t: TestDatabase) => {
  await t.db.query(`SELECT pg_stat_force_next_flush()`);
  return Number(
    (await t.db.query<{ n: number }>(`SELECT n_dead_tup::int AS n FROM pg_stat_user_tables WHERE relname = 'unmapped_markets'`))[0].n,
  );
};

describe("embedded database maintenance", () => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it("vacuums after each run's rewrite, so the table stops growing; without it, it grows every run", async () => {
    const sizes = { vacuumed: [] as number[], not: [] as number[] };
    for (const mode of ["not", "vacuumed"] as const) {
      t = await openTestDatabase("pglite");
      await seedMarkets(t.db, MARKETS);
      for (let i = 0; i < ROUNDS; i++) {
        await rewriteAll(t);
        if (mode === "vacuumed") {
          expect(await deadRows(t)).toBe(MARKETS);
          expect((await maintainEmbedded(t.db)).vacuumed).toEqual(["unmapped_markets"]);
          expect(await deadRows(t)).toBe(0);
        }
        sizes[mode].push(await totalBytes(t));
      }
      await t.drop();
      t = undefined;
    }
    const kb = (xs: number[]) => xs.map((n) => Math.round(n / 1024)).join(", ");
    console.log(
      `[vacuum] ${MARKETS} markets rewritten ${ROUNDS} times, table + indexes in KB: without ${kb(sizes.not)} | vacuumed ${kb(sizes.vacuumed)}`,
    );
    // Vacuumed, the space of the old versions is used again: the last rounds add nothing.
    expect(sizes.vacuumed[ROUNDS - 1]).toBe(sizes.vacuumed[2]);
    for (let i = 1; i < ROUNDS; i++) expect(sizes.not[i]).toBeGreaterThan(sizes.not[i - 1]);
    expect(sizes.not[ROUNDS - 1]).toBeGreaterThan(sizes.vacuumed[ROUNDS - 1] * 1.5);
  });

  it("leaves a few dead rows, and a small table, alone", async () => {
    t = await openTestDatabase("pglite");
    await seedMarkets(t.db, ANALYZE_MIN_MARKETS - 1);
    await rewriteAll(t);
    expect(await vacuumBloatedTables(t.db)).toEqual([]);
    await seedMarkets(t.db, 9_000, { start: ANALYZE_MIN_MARKETS });
    await t.db.query(`UPDATE unmapped_markets SET notes = 'x' WHERE id <= 100`);
    expect(await deadRows(t)).toBe(ANALYZE_MIN_MARKETS - 1 + 100);
    // 1,099 dead rows of 9,999 live ones is under autovacuum's 50 + 20% (2,050).
    expect(await vacuumBloatedTables(t.db)).toEqual([]);
  });

  it("vacuums soon after bulk changes tell it, and lets the database close after", async () => {
    t = await openTestDatabase("pglite");
    await seedMarkets(t.db, MARKETS);
    const maintainer = new EmbeddedMaintainer(t.db, 10);
    for (let i = 0; i < 3; i++) {
      await rewriteAll(t);
      maintainer.nudge();
    }
    await waitFor("the dead rows to be vacuumed", async () => (await deadRows(t!)) === 0);
    await rewriteAll(t);
    maintainer.nudge();
    // Closing cancels the planned run: the database can close under it.
    await maintainer.close();
    expect(await deadRows(t)).toBe(MARKETS);
  });
});
