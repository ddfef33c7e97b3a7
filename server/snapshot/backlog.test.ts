// The snapshot's memory bound, on both databases: once more market instances wait for the writer
// than it may hold, backlog() hands the scrape the queued writes to wait on, and after them
// nothing is held back and every row is in the table.
import { expect, it } from "vitest";
import type { Sighting } from "@/server/scraping/types";
import { describeOnDatabases } from "@/server/testing/test-database";
import { PriceSnapshot } from "./snapshot";

const INSTANCES = 26_000;

describeOnDatabases("price snapshot backlog on %s", (t) => {
  it("makes the scrape wait while the writer is behind, and holds nothing once it caught up", async () => {
    const run = new PriceSnapshot(t.db, { runs: 2 }).begin(1);
    const listed = { source: "sportybet" as const, ref: "sr:match:7", startsAt: new Date("2030-01-01T00:00:00Z") };
    const matchId = run.event(listed, { matchId: "7", kickoff: null, home: null, away: null });
    expect(matchId).toBe("7");
    for (let i = 0; i < INSTANCES; i++) {
      const s: Sighting = {
        source: "sportybet",
        eventId: "sr:match:7",
        externalMarketId: String(i),
        name: `Market ${i}`,
        specifier: null,
        outcomes: [{ name: "Yes", odds: 1.9 }],
      };
      run.market(matchId!, s, false, null);
    }
    expect(run.backlog()).toBeUndefined();
    const written = run.flush();
    const wait = run.backlog();
    expect(wait).toBeInstanceOf(Promise);
    await wait;
    expect(run.backlog()).toBeUndefined();
    await written;
    expect(await t.db.query(`SELECT count(*)::int AS n FROM snapshot_markets WHERE run_id = 1`)).toEqual([{ n: INSTANCES }]);
    expect(run.report).toMatchObject({ events: 1, markets: INSTANCES });
  });
});
