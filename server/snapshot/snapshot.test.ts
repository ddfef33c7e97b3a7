// The price snapshot after whole scrape cycles against the fake bookmaker (real sources, parsers,
// lookup, coordinator), on both databases: each event once per run with both platforms' ids, every
// market instance with its odds (mapped ones with their canonical market), pruned to SNAPSHOT_RUNS.
import { expect, it } from "vitest";
import { HOUR, useBookmakerCycle } from "@/server/testing/bookmaker-cycle";
import { fakeMatch, sportyMarket, TEST_TOURNAMENTS } from "@/server/testing/fake-bookmaker";
import { describeOnDatabases } from "@/server/testing/test-database";
import { PriceSnapshot } from "./snapshot";

const { premier } = TEST_TOURNAMENTS;

interface EventRow {
  run_id: number;
  match_id: string;
  kickoff: Date;
  event_ids: Record<string, string>;
  home: string | null;
  away: string | null;
}

interface MarketRow {
  platform: string;
  market_key: string;
  line: string;
  mapped: boolean;
  canonical_id: string | null;
  outcomes: { name: string; odds: number | null }[];
}

describeOnDatabases("price snapshot on %s", (t) => {
  const b = useBookmakerCycle(t);
  const events = () => t.db.query<EventRow>(`SELECT * FROM snapshot_events ORDER BY run_id, match_id`);
  const markets = (runId: number, matchId: string) =>
    t.db.query<MarketRow>(
      `SELECT platform::text, market_key, line, mapped, canonical_id, outcomes FROM snapshot_markets
       WHERE run_id = $1 AND match_id = $2 ORDER BY platform, market_key, line`,
      [runId, matchId],
    );
  const runsIn = async (table: string) =>
    (await t.db.query<{ run_id: number }>(`SELECT DISTINCT run_id FROM ${table} ORDER BY run_id`)).map((r) => r.run_id);

  it("holds each event once with its match id, kick-off, both platforms' ids and names, and every market instance with its odds", async () => {
    const started = Date.now();
    const run = await b.cycle();
    expect(run.status).toBe("completed");
    expect(run.sources.sportybet.snapshotSkipped).toBeUndefined();
    const rows = await events();
    expect(rows.map((r) => r.match_id)).toEqual(["61300001", "61300002", "61300003"]);
    for (const [i, row] of rows.entries()) {
      const n = i + 1;
      expect(row).toMatchObject({
        run_id: run.id,
        event_ids: { sportybet: `sr:match:6130000${n}`, bet9ja: `70709600${n}` },
        home: `Home ${n} FC`,
        away: `Away ${n} United`,
      });
      // Bet9ja writes the kick-off to the second, SportyBet to the millisecond: either may come first.
      const expected = started + [2, 3, 4][i] * HOUR;
      expect(Math.abs(new Date(row.kickoff).getTime() - expected)).toBeLessThan(5_000);
    }

    const offered = await markets(run.id, "61300002");
    // 9 SportyBet and 11 Bet9ja instances per event, mapped and unmapped alike.
    expect(offered.filter((m) => m.platform === "sportybet")).toHaveLength(9);
    expect(offered.filter((m) => m.platform === "bet9ja")).toHaveLength(11);
    const find = (platform: string, key: string, line: string) =>
      offered.find((m) => m.platform === platform && m.market_key === key && m.line === line);
    expect(find("sportybet", "1", "")).toEqual({
      platform: "sportybet",
      market_key: "1",
      line: "",
      mapped: true,
      canonical_id: "1x2_ft",
      outcomes: [
        { name: "Home", odds: 2.1 },
        { name: "Draw", odds: 3.3 },
        { name: "Away", odds: 3.4 },
      ],
    });
    expect(find("bet9ja", "S_1X2", "")).toMatchObject({ mapped: true, canonical_id: "1x2_ft" });
    expect(find("sportybet", "18", "total=2.5")).toMatchObject({ mapped: true, canonical_id: "over_under_ft" });
    expect(find("bet9ja", "S_OU", "1.5")).toMatchObject({
      mapped: true,
      canonical_id: "over_under_ft",
      outcomes: [
        { name: "O", odds: 1.3 },
        { name: "U", odds: 3.2 },
      ],
    });
    expect(find("sportybet", "900069", "from=6|to=10")).toMatchObject({ mapped: false, canonical_id: null });
    // Malformed outcomes are left out, as everywhere else.
    expect(find("sportybet", "990002", "")?.outcomes).toEqual([{ name: "Yes", odds: 1.8 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM snapshot_markets`)).toEqual([{ n: 60 }]);
  });

  it("keeps only the latest two runs after three", async () => {
    const runs = [await b.cycle(), await b.cycle(), await b.cycle()];
    const kept = [runs[1].id, runs[2].id];
    expect(await runsIn("snapshot_events")).toEqual(kept);
    expect(await runsIn("snapshot_markets")).toEqual(kept);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM snapshot_markets`)).toEqual([{ n: 120 }]);
  });

  it("writes nothing with SNAPSHOT_RUNS=0, and clears what an earlier setting left", async () => {
    await b.cycle();
    expect(await runsIn("snapshot_events")).toHaveLength(1);
    b.deps.snapshot = new PriceSnapshot(t.db, { runs: 0 });
    const run = await b.cycle();
    expect(run.status).toBe("completed");
    expect(await runsIn("snapshot_events")).toEqual([]);
    expect(await runsIn("snapshot_markets")).toEqual([]);
  });

  it("leaves an event without a usable match id out, scrapes it as before, and counts it per platform", async () => {
    const odd = { ...fakeMatch(9, premier, Date.now() + HOUR), srId: "x9" };
    odd.sportybet = { markets: [sportyMarket("1", "1X2", [["Home", "2.00"]])] };
    b.fake.world = { tournaments: [premier], matches: [odd, fakeMatch(1, premier, Date.now() + 2 * HOUR)] };
    const run = await b.cycle();
    expect(run.sources.sportybet).toMatchObject({ events: 2, markets: 1, snapshotSkipped: 1 });
    expect(run.sources.bet9ja).toMatchObject({ events: 2, snapshotSkipped: 1 });
    expect((await events()).map((r) => r.match_id)).toEqual(["61300001"]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM snapshot_markets`)).toEqual([{ n: 0 }]);
  });

  it("counts the market instances a failing write lost, per platform, and still completes the run", async () => {
    // This test's own database: a constraint that refuses every snapshot market.
    await t.db.exec(`ALTER TABLE snapshot_markets ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`);
    try {
      const run = await b.cycle();
      expect(run).toMatchObject({ status: "completed", error: null });
      expect(run.sources.sportybet.snapshotFailed! + run.sources.bet9ja.snapshotFailed!).toBe(60);
      expect(run.sources.bet9ja.snapshotFailed).toBeGreaterThan(0);
      expect((await events()).map((r) => r.match_id)).toEqual(["61300001", "61300002", "61300003"]);
    } finally {
      await t.db.exec(`ALTER TABLE snapshot_markets DROP CONSTRAINT refuse_all`);
    }
  });
});
