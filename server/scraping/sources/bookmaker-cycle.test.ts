// Whole scrape cycles over the fake bookmaker's known world (server/testing/bookmaker-cycle.ts), on
// both databases: exactly the expected unmapped rows, counts, reasons and lines, doubled by a
// second cycle; only football and upcoming events asked for; progress naming each source's counts.
import { expect, it } from "vitest";
import { expectedRows, useBookmakerCycle } from "@/server/testing/bookmaker-cycle";
import { TEST_TOURNAMENTS } from "@/server/testing/fake-bookmaker";
import { describeOnDatabases } from "@/server/testing/test-database";

const { premier, cup } = TEST_TOURNAMENTS;

describeOnDatabases("bookmaker scrape cycle on %s", (t) => {
  const b = useBookmakerCycle(t, { gzip: true });
  const sample = async (source: string, id: string) =>
    (
      await t.db.query<{ sample_outcomes: unknown }>(
        `SELECT sample_outcomes FROM unmapped_markets WHERE source = $1::"Platform" AND external_market_id = $2`,
        [source, id],
      )
    )[0]?.sample_outcomes;

  it("records exactly the known unmapped instances, none of the mapped ones; a second cycle doubles the counts", async () => {
    const run = await b.cycle();
    expect(run).toMatchObject({ status: "completed", error: null, events: 6, markets: 60, mapped: 21, unmapped: 39, newMarkets: 11 });
    expect(run.sources.sportybet).toEqual({
      events: 3,
      eventsFailed: 0,
      markets: 27,
      mapped: 9,
      unmapped: 18,
      new: 5,
      dataErrors: 9,
      errors: [],
    });
    expect(run.sources.bet9ja).toEqual({
      events: 3,
      eventsFailed: 0,
      markets: 33,
      mapped: 12,
      unmapped: 21,
      new: 6,
      dataErrors: 12,
      errors: [],
    });
    expect(await b.rows()).toEqual(expectedRows(1));
    // Malformed outcomes are skipped, the rest of their market kept.
    expect(await sample("sportybet", "990002")).toEqual([{ name: "Yes", odds: 1.8 }]);
    expect(await sample("bet9ja", "S_ODDS")).toEqual([{ name: "Y", odds: 1.5 }]);

    // Football only, upcoming only: nothing was asked about the basketball tournament or the started match.
    expect(b.asked("S2")).toEqual(["sr:tournament:17", "sr:tournament:9001"]);
    expect(b.asked("B2")).toEqual([premier.groupId, cup.groupId].sort());
    expect(b.asked("S3")).toEqual(["sr:match:61300001", "sr:match:61300002", "sr:match:61300003"]);
    expect(b.asked("B3")).toEqual(["707096001", "707096002", "707096003"]);

    const second = await b.cycle();
    expect(second).toMatchObject({ status: "completed", events: 6, unmapped: 39, newMarkets: 0 });
    expect(await b.rows()).toEqual(expectedRows(2));
  });

  it("publishes each source's discovery and fetch counts as scrape_progress", async () => {
    const run = await b.cycle();
    const messages = b.progress.map((p) => `${p.phase} ${p.current}/${p.total} ${p.message}`);
    expect(messages[0]).toBe(`starting 0/2 Run ${run.id} started`);
    expect(messages).toContain("discovery 0/6 Found 6 upcoming events (sportybet: 2/2 lists, 3 events; bet9ja: 2/2 lists, 3 events)");
    // The first discovery report is published at once (whichever source reports first; the other
    // may not have said how many lists it has yet: "discovering", never "?"); later ones are throttled.
    const source = String.raw`(\d\/\d lists(, \d events)?|discovering)`;
    const discovering = new RegExp(String.raw`^discovery 0\/0 Discovering events: sportybet: ${source}; bet9ja: ${source}$`);
    expect(messages.some((m) => discovering.test(m) && m.includes(" lists"))).toBe(true);
    const last = b.progress.filter((p) => p.phase === "scraping").at(-1);
    expect(last).toMatchObject({ current: 6, total: 6, message: "Scraped 6 of 6 events (sportybet 3/3, bet9ja 3/3)" });
    expect(b.progress.at(-1)).toMatchObject({ phase: "completed", current: 6, total: 6 });
  });
});
