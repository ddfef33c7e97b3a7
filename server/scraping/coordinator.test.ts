// One cycle over a fixture with known markets: exactly the expected unmapped markets, counts,
// reasons and lines, none of the mapped ones; a second cycle doubles the counts; failures are
// isolated and reflected in the run's status.
import { beforeEach, expect, it } from "vitest";
import { nullPublisher } from "@/server/realtime/publisher";
import { cycleDeps, reloadedMappings, runManualCycle } from "@/server/testing/cycle";
import { describeOnDatabases } from "@/server/testing/test-database";
import type { CycleDeps } from "./coordinator";
import { storedMarkets } from "@/server/testing/discovery";
import { fixtureSource } from "@/server/testing/fixture-source";
import { SourceError } from "./errors";
import { createDemoThreadSource } from "./sources/demo/thread";
import type { Source } from "./types";

describeOnDatabases("scrape cycle on %s", { fresh: "each" }, (t) => {
  let deps: CycleDeps;
  beforeEach(async () => {
    const mappings = await reloadedMappings(t.db);
    deps = cycleDeps(t.db, {
      sources: [fixtureSource(4)],
      mappings: mappings.cache,
      publisher: nullPublisher,
      concurrency: 3,
      flushEveryEvents: 3,
    });
  });

  const cycle = () => runManualCycle(deps);
  const markets = () => storedMarkets(t.db);

  it("records exactly the unmapped market instances, with reasons and lines; a second cycle doubles the counts", async () => {
    const run = await cycle();
    expect(run).toMatchObject({ status: "completed", events: 8, newMarkets: 5 });
    expect(run.sources.sportybet).toMatchObject({ events: 4, markets: 24, mapped: 8, unmapped: 16, new: 3, eventsFailed: 0 });
    expect(run.sources.bet9ja).toMatchObject({ events: 4, markets: 24, mapped: 12, unmapped: 12, new: 2 });
    // S_OUA appears at two lines per event: 2 instances x 4 events. Neither S_OUA nor S_OU1TX may
    // be taken for the mapped S_OU they share a prefix with.
    expect(await markets()).toEqual(
      [
        {
          source: "sportybet",
          external_market_id: "18",
          occurrence_count: 4,
          reason: "UNKNOWN_PARAM_MARKET",
          specifiers: ["total=lots"],
          market_name: "Over/Under",
        },
        {
          source: "sportybet",
          external_market_id: "800117",
          occurrence_count: 4,
          reason: "UNKNOWN_MARKET",
          specifiers: [],
          market_name: "Player To Be Booked",
        },
        {
          source: "sportybet",
          external_market_id: "900069",
          occurrence_count: 8,
          reason: "UNSUPPORTED_PLATFORM",
          specifiers: ["from=1|to=5", "from=6|to=10"],
          market_name: "1X2 from 1 to 5 minute",
        },
        {
          source: "bet9ja",
          external_market_id: "S_OU1TX",
          occurrence_count: 4,
          reason: "UNKNOWN_MARKET",
          specifiers: [],
          market_name: expect.any(String),
        },
        {
          source: "bet9ja",
          external_market_id: "S_OUA",
          occurrence_count: 8,
          reason: "UNKNOWN_MARKET",
          specifiers: ["0.5", "1.5"],
          market_name: "Away Over/Under",
        },
      ].sort((a, b) => (a.source + a.external_market_id < b.source + b.external_market_id ? -1 : 1)),
    );

    const second = await cycle();
    expect(second.newMarkets).toBe(0);
    const counts = Object.fromEntries((await markets()).map((m) => [`${m.source}/${m.external_market_id}`, m.occurrence_count]));
    expect(counts).toEqual({ "sportybet/18": 8, "sportybet/800117": 8, "sportybet/900069": 16, "bet9ja/S_OU1TX": 8, "bet9ja/S_OUA": 16 });
  });

  it("isolates a failing event: the others are recorded and the run is partial", async () => {
    deps.sources = [fixtureSource(3, new Set(["sr:match:2"]))];
    const run = await cycle();
    expect(run.status).toBe("partial");
    expect(run.sources.sportybet).toMatchObject({ events: 2, eventsFailed: 1 });
    expect(run.sources.sportybet.errors[0]).toContain("sr:match:2");
    expect(run.sources.bet9ja).toMatchObject({ events: 3, eventsFailed: 0 });
    const counts = Object.fromEntries((await markets()).map((m) => [`${m.source}/${m.external_market_id}`, m.occurrence_count]));
    expect(counts["sportybet/800117"]).toBe(2);
    expect(counts["bet9ja/S_OUA"]).toBe(6);
  });

  it("fails the run when every source fails discovery", async () => {
    deps.sources = [
      {
        name: "down",
        discover: () => Promise.reject(new SourceError("network", "ECONNREFUSED")),
        fetchEvent: () => Promise.reject(new Error("unused")),
      },
    ];
    const run = await cycle();
    expect(run.status).toBe("failed");
    expect(run.error).toBe("Every source failed discovery");
    expect(run.sources.down.errors[0]).toContain("ECONNREFUSED");
  });

  it('words discovery progress without counts a source never gave: no "demo: 0/? lists"', async () => {
    const messages: string[] = [];
    deps.publisher = {
      publish(type, data) {
        if (type === "scrape_progress") messages.push((data as { message: string }).message);
      },
    };
    // A source with lists, reporting before the demo (which has none) has finished discovering.
    const listed: Source = {
      name: "listed",
      async discover(_signal, report) {
        report?.progress(0, 2);
        await new Promise((resolve) => setImmediate(resolve));
        report?.progress(2, 2);
        return [];
      },
      fetchEvent: () => Promise.reject(new Error("unused")),
    };
    const demo = createDemoThreadSource({ seed: 7, events: 6 });
    deps.sources = [listed, demo];
    try {
      expect(await cycle()).toMatchObject({ status: "completed", events: 12 });
    } finally {
      await demo.close?.();
    }
    expect(messages).toContain("Discovering events: listed: 0/2 lists; demo: discovering");
    expect(messages).toContain("Found 12 upcoming events (listed: 2/2 lists, 0 events; demo: 12 events)");
    for (const message of messages) {
      expect(message).not.toContain("?");
      expect(message).not.toMatch(/demo: [^;)]*lists/);
    }
  });
});
