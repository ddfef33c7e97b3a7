// Counting in whole scrape cycles over the fake bookmaker (PGlite): every instance of an event with
// hundreds of markets is counted once, and a Bet9ja key is never taken for a mapped key it shares a
// prefix with.
import { expect, it } from "vitest";
import { MappingCache } from "@/server/mapping/cache";
import { builtinCatalog } from "@/server/mapping/catalog";
import { HOUR, useBookmakerCycle } from "@/server/testing/bookmaker-cycle";
import { bet9jaOdds, fakeMatch, sportyMarket, TEST_TOURNAMENTS } from "@/server/testing/fake-bookmaker";
import { describeOnDatabases } from "@/server/testing/test-database";

const { premier } = TEST_TOURNAMENTS;

describeOnDatabases("bookmaker scrape cycle counting on %s", { kinds: ["pglite"] }, (t) => {
  const b = useBookmakerCycle(t);

  it("counts every instance of an event with hundreds of markets", async () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      sportyMarket(
        String(700_000 + i),
        `Many ${i}`,
        [
          ["Yes", "1.90"],
          ["No", "1.90"],
        ],
        i % 2 ? { specifier: `total=${i}.5` } : {},
      ),
    );
    const manyKeys = Object.assign(
      {},
      ...Array.from({ length: 400 }, (_, i) => bet9jaOdds(`S_MANY${i}`, i % 2 ? `${i}.5` : null, { Y: "1.90", N: "1.90" })),
    );
    b.fake.world = {
      tournaments: [premier],
      matches: [fakeMatch(1, premier, Date.now() + HOUR, { sportybet: { markets: many }, bet9ja: { odds: manyKeys } })],
    };
    const run = await b.cycle();
    expect(run.sources.sportybet).toMatchObject({ events: 1, markets: 400, unmapped: 400, new: 400, dataErrors: 0 });
    expect(run.sources.bet9ja).toMatchObject({ events: 1, markets: 400, unmapped: 400, new: 400, dataErrors: 0 });
    const c = await b.counts();
    expect(Object.keys(c)).toHaveLength(800);
    expect(Object.values(c).every((n) => n === 1)).toBe(true);
  });

  it("never takes a Bet9ja key for a mapped one it shares a prefix with", async () => {
    // A mapping set where S_OU is mapped and S_OU1T is not.
    b.deps.mappings = new MappingCache(builtinCatalog().filter((e) => e.bet9jaKey !== "S_OU1T"));
    b.fake.world = {
      tournaments: [premier],
      matches: [
        fakeMatch(1, premier, Date.now() + HOUR, {
          sportybet: null,
          bet9ja: {
            odds: {
              ...bet9jaOdds("S_OU", "2.5", { O: "1.88", U: "1.92" }),
              ...bet9jaOdds("S_OU1T", "0.5", { O: "1.40", U: "2.80" }),
              ...bet9jaOdds("S_OUA", "0.5", { O: "1.40", U: "2.80" }),
              ...bet9jaOdds("S_O", "2.5", { O: "1.40", U: "2.80" }),
            },
          },
        }),
      ],
    };
    const run = await b.cycle();
    expect(run.sources.bet9ja).toMatchObject({ events: 1, markets: 4, mapped: 1, unmapped: 3 });
    expect(await b.counts()).toEqual({ "bet9ja/S_OU1T": 1, "bet9ja/S_OUA": 1, "bet9ja/S_O": 1 });
  });
});
