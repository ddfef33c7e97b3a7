// The embedded database's planner learns how many markets each status holds (PGlite runs no
// autovacuum): then a deep page of the whole list walks the status indexes in order instead of
// sorting every status, and a small table is never analyzed (the foreign-key plan hazard).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSql } from "@/server/discovery/list-sql";
import { openTestDatabase, type TestDatabase } from "@/server/testing/databases";
import { seedMarkets } from "@/server/testing/seed";
import { ANALYZE_MIN_MARKETS, refreshStatusStatistics } from "./planner-stats";

const statusStats = (t: TestDatabase) =>
  t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'unmapped_markets' AND attname = 'status'`);

const plan = async (t: TestDatabase, sql: string, params: unknown[]) =>
  (await t.db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params)).map((r) => r["QUERY PLAN"]).join("\n");

describe("planner statistics on PGlite", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase("pglite");
  });
  afterAll(async () => t?.drop());

  it("leaves a small table unanalyzed, then analyzes the status column once it is large enough", async () => {
    await seedMarkets(t.db, ANALYZE_MIN_MARKETS - 1);
    expect(await refreshStatusStatistics(t.db)).toBe(false);
    expect((await statusStats(t))[0].n).toBe(0);

    await seedMarkets(t.db, 20_000, { start: ANALYZE_MIN_MARKETS });
    const deep = listSql({ sort: "lastSeenAt", order: "desc", page: 300, pageSize: 50 });
    const before = await plan(t, deep.rows, deep.params);
    expect(await refreshStatusStatistics(t.db)).toBe(true);
    expect((await statusStats(t))[0].n).toBe(1);
    const after = await plan(t, deep.rows, deep.params);
    console.log(`[planner] page 300 of all statuses, analyzed:\n${after}`);
    // Unanalyzed, every status is guessed small and sorted whole; analyzed, the big one (NEW, three
    // quarters of the markets) is walked in its (status, last_seen_at, id) index, merged in order.
    const walked = /Index (Only )?Scan using unmapped_markets_status_last_seen_at_id_idx/;
    expect(before).not.toMatch(walked);
    expect(after).toContain("Merge Append");
    expect(after).toMatch(walked);
  });
});
