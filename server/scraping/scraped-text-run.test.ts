// Scraped text with NUL bytes, lone surrogates and control characters, end to end through a real
// cycle on both databases: the run finishes and is stored, names are stored cleaned, every sighting
// counted. Before the parsers cleaned text, one such name made every flush fail forever.
import { expect, it } from "vitest";
import { nullPublisher } from "@/server/realtime/publisher";
import { cycleDeps, reloadedMappings, runManualCycle } from "@/server/testing/cycle";
import { describeOnDatabases } from "@/server/testing/test-database";
import { SourceError } from "./errors";
import type { Source } from "./types";

const future = new Date(Date.now() + 86_400_000);

const poisonSource: Source = {
  name: "sportybet",
  async discover() {
    return [
      { source: "sportybet", ref: "sr:match:\u00001", startsAt: future },
      { source: "sportybet", ref: "sr:match:\u00002", startsAt: future },
    ];
  },
  async fetchEvent(event) {
    if (event.ref.endsWith("2")) throw new SourceError("network", `event ${event.ref} \u0000 unreachable`);
    const market = (id: string, desc: string, specifier?: string) => ({
      id,
      desc,
      ...(specifier ? { specifier } : {}),
      outcomes: [{ id: "1", desc: "Yes\u0000\ud800", odds: "1.50" }],
    });
    return {
      platform: "sportybet",
      body: {
        bizCode: 10000,
        data: {
          markets: [
            market("900\u00001", "Poison\u0000 name\t\u001b[2J"),
            market("900\u00001", "Poison\u0000 name", "total=\u00002.5"),
            market("9002", "Half\ud800"),
          ],
        },
      },
    };
  },
};

describeOnDatabases("a cycle over poisoned scraped text on %s", (t, kind) => {
  it("stores the run, the cleaned names and every sighting", async () => {
    const mappings = await reloadedMappings(t.db);
    const deps = cycleDeps(t.db, {
      sources: [poisonSource],
      mappings: mappings.cache,
      publisher: nullPublisher,
      concurrency: 2,
      flushEveryEvents: 1,
    });
    const run = await runManualCycle(deps);
    expect(run).toMatchObject({ status: "partial", events: 1 });
    expect(run.sources.sportybet.errors.join(" ")).not.toMatch(/\u0000/);
    const rows = await t.db.query<{
      external_market_id: string;
      market_name: string;
      occurrence_count: number;
      specifiers: string[];
      sample_outcomes: { name: string }[];
    }>(
      `SELECT external_market_id, market_name, occurrence_count, specifiers, sample_outcomes FROM unmapped_markets ORDER BY external_market_id`,
    );
    console.log(`[poisoned text ${kind}] stored ${rows.reduce((n, r) => n + r.occurrence_count, 0)} of 3 sightings`);
    expect(rows).toEqual([
      {
        external_market_id: "9001",
        market_name: "Poison name",
        occurrence_count: 2,
        specifiers: ["total=2.5"],
        sample_outcomes: [{ name: "Yes\ufffd", odds: 1.5 }],
      },
      {
        external_market_id: "9002",
        market_name: "Half\ufffd",
        occurrence_count: 1,
        specifiers: [],
        sample_outcomes: [{ name: "Yes\ufffd", odds: 1.5 }],
      },
    ]);
  });
});
