// Price-aware mapping after real scrape cycles against the fake bookmaker (real sources, parsers,
// coordinator, snapshot), on both databases. The world's prices come from one fair probability per
// outcome and match with each book's margin and noise (fakeOdds), as real books agree:
// - "Corners Over/Under" 9.5, SportyBet 880001 and Bet9ja S_CORNOU, in all 8 matches: the same market;
// - "Corner Over/Under" SportyBet 880003: alike by name and outcomes, but priced as another market;
// - "Booking Points" on Bet9ja (S_BOOKPTS) in matches 1-4 only, SportyBet 880002 in 5-8 only: no overlap.
import { beforeEach, expect, it } from "vitest";
import type { MapMarket, MappingOutcomeDto } from "@/lib/contract/mappings";
import { TriageService } from "@/server/discovery/triage-service";
import { CandidateService } from "@/server/mapping/candidate-service";
import { MapMarketService } from "@/server/mapping/map-market";
import type { MappingService } from "@/server/mapping/mapping-service";
import { TEST_ACTOR } from "@/server/testing/auth";
import { HOUR, useBookmakerCycle } from "@/server/testing/bookmaker-cycle";
import { reloadedMappings } from "@/server/testing/cycle";
import { bet9jaOdds, fakeMatch, fakeOdds, sportyMarket, TEST_TOURNAMENTS, type FakeMatch } from "@/server/testing/fake-bookmaker";
import { describeOnDatabases } from "@/server/testing/test-database";
import { PriceCheckService } from "./map-check";
import { SnapshotPrices } from "./snapshot-prices";

const { premier } = TEST_TOURNAMENTS;
const MATCHES = 8;
const OU = ["Over", "Under"];

function world(now: number): FakeMatch[] {
  return Array.from({ length: MATCHES }, (_, i) => {
    const m = fakeMatch(i + 1, premier, now + (i + 2) * HOUR);
    const corners = { match: m.srId, market: "corners_ou", line: "9.5" };
    const [sOver, sUnder] = fakeOdds("sportybet", corners, OU);
    const [bOver, bUnder] = fakeOdds("bet9ja", corners, OU);
    const [dOver, dUnder] = fakeOdds("sportybet", { match: m.srId, market: "corners_1h", line: "9.5" }, OU, { Over: 0.1, Under: 0.9 });
    const [yes, no] = fakeOdds(i < 4 ? "bet9ja" : "sportybet", { match: m.srId, market: "booking_points" }, ["Yes", "No"]);
    m.sportybet = {
      markets: [
        sportyMarket(
          "880001",
          "Corners Over/Under",
          [
            ["Over", sOver],
            ["Under", sUnder],
          ],
          { specifier: "total=9.5" },
        ),
        sportyMarket(
          "880003",
          "Corner Over/Under",
          [
            ["Over", dOver],
            ["Under", dUnder],
          ],
          { specifier: "total=9.5" },
        ),
        ...(i >= 4
          ? [
              sportyMarket("880002", "Booking Points", [
                ["Yes", yes],
                ["No", no],
              ]),
            ]
          : []),
      ],
    };
    m.bet9ja = {
      odds: {
        ...bet9jaOdds("S_CORNOU", "9.5", { O: bOver, U: bUnder }),
        ...(i < 4 ? bet9jaOdds("S_BOOKPTS", null, { Y: yes, N: no }) : {}),
      },
      mk: [
        { ID: "S_CORNOU", DS: "Corners Over/Under" },
        { ID: "S_BOOKPTS", DS: "Booking Points" },
      ],
    };
    return m;
  });
}

const outcome = (canonicalId: string, position: number, names: Partial<MappingOutcomeDto>): MappingOutcomeDto => ({
  canonicalId,
  betpawaName: canonicalId,
  sportybetDesc: null,
  bet9jaSuffix: null,
  position,
  ...names,
});

describeOnDatabases("price check of a mapping on %s", (t) => {
  const b = useBookmakerCycle(t);
  let mappings: MappingService;
  let service: MapMarketService;
  let candidates: CandidateService;
  const idOf = async (source: string, key: string) =>
    (
      await t.db.query<{ id: number }>(`SELECT id FROM unmapped_markets WHERE source = $1::"Platform" AND external_market_id = $2`, [
        source,
        key,
      ])
    )[0].id;
  const status = async (id: number) =>
    (await t.db.query<{ status: string }>(`SELECT status::text FROM unmapped_markets WHERE id = $1`, [id]))[0].status;

  beforeEach(async () => {
    await t.db.exec("TRUNCATE user_mappings CASCADE");
    mappings = await reloadedMappings(t.db);
    const triage = new TriageService(t.db);
    const prices = new SnapshotPrices(t.db);
    service = new MapMarketService(mappings, triage, new PriceCheckService(prices));
    candidates = new CandidateService(t.db, triage, mappings, prices);
    b.fake.world = { tournaments: [premier], matches: world(Date.now()) };
    expect((await b.cycle()).status).toBe("completed");
  });

  /** Maps SportyBet 880001 into a new mapping "corners_ou" (nothing on Bet9ja yet: nothing to compare). */
  const mapSportybetCorners = async () => {
    const body: MapMarket = {
      canonicalId: "corners_ou",
      name: "Corners Over/Under",
      betpawaId: "77001",
      outcomes: [outcome("over", 0, { sportybetDesc: "Over" }), outcome("under", 1, { sportybetDesc: "Under" })],
    };
    const first = await service.check(await idOf("sportybet", "880001"), body);
    expect(first.verdict).toBe("no_overlap");
    await service.apply(await idOf("sportybet", "880001"), body, TEST_ACTOR);
  };
  const bet9jaOnto = (pairs: Record<string, string>): MapMarket => ({
    canonicalId: "corners_ou",
    outcomes: [
      outcome("over", 0, { sportybetDesc: "Over", bet9jaSuffix: pairs.over }),
      outcome("under", 1, { sportybetDesc: "Under", bet9jaSuffix: pairs.under }),
    ],
  });

  it("calls the right pairing consistent, the swapped one suspicious naming the right one, and dry-runs the latest run", async () => {
    await mapSportybetCorners();
    const bet9ja = await idOf("bet9ja", "S_CORNOU");

    const right = await service.check(bet9ja, bet9jaOnto({ over: "O", under: "U" }));
    console.log(`right pairing: ${right.verdict}, ${right.eventsCompared} events, mean ${right.meanDifference?.toFixed(4)}`);
    expect(right).toMatchObject({ verdict: "consistent", eventsCompared: MATCHES });
    expect(right.meanDifference).toBeLessThanOrEqual(right.thresholds.consistentMaxDiff);
    expect(right.comparisons).toHaveLength(1);
    expect(right.comparisons[0]).toMatchObject({ platform: "sportybet", externalMarketId: "880001", via: "mapping", bestDiffers: false });
    expect(right.dryRun).toMatchObject({
      sightings: MATCHES,
      events: MATCHES,
      coveredSightings: MATCHES,
      coveredEvents: MATCHES,
      unmatchedOutcomes: [],
    });
    expect(right.dryRun.lines).toEqual([
      { line: "9.5", sightings: MATCHES, events: MATCHES, coveredSightings: MATCHES, coveredEvents: MATCHES },
    ]);

    const swapped = await service.check(bet9ja, bet9jaOnto({ over: "U", under: "O" }));
    console.log(
      `swapped pairing: ${swapped.verdict}, mean ${swapped.meanDifference?.toFixed(4)}; ${swapped.comparisons[0].reasons.join("; ")}`,
    );
    expect(swapped.verdict).toBe("suspicious");
    expect(swapped.comparisons[0].bestDiffers).toBe(true);
    expect(swapped.comparisons[0].outcomes).toEqual([
      expect.objectContaining({ name: "O", pairedWith: "Under", bestPairedWith: "Over" }),
      expect.objectContaining({ name: "U", pairedWith: "Over", bestPairedWith: "Under" }),
    ]);

    // Only O named: the dry run still covers every sighting (one outcome suffices) and names U as unmatched.
    const half = await service.check(bet9ja, {
      canonicalId: "corners_ou",
      outcomes: [outcome("over", 0, { sportybetDesc: "Over", bet9jaSuffix: "O" }), outcome("under", 1, { sportybetDesc: "Under" })],
    });
    expect(half.dryRun).toMatchObject({ coveredSightings: MATCHES, unmatchedOutcomes: ["U"] });
    expect(await status(bet9ja)).toBe("NEW"); // the checks changed nothing
  });

  it("has /map refuse a suspicious mapping unless confirmed with a reason, which the history keeps", async () => {
    await mapSportybetCorners();
    const bet9ja = await idOf("bet9ja", "S_CORNOU");
    const swapped = bet9jaOnto({ over: "U", under: "O" });
    await expect(service.apply(bet9ja, swapped, TEST_ACTOR)).rejects.toMatchObject({
      status: 422,
      errors: [expect.objectContaining({ field: "body.confirmSuspicious" })],
    });
    expect(await status(bet9ja)).toBe("NEW");
    expect((await mappings.get("corners_ou")).bet9jaKey).toBeNull();

    await service.apply(bet9ja, { ...swapped, confirmSuspicious: true, reason: "the feed labels them backwards" }, TEST_ACTOR);
    expect(await status(bet9ja)).toBe("MAPPED");
    const [audit] = await t.db.query<{ reason: string }>(
      `SELECT reason FROM audit_log WHERE entity_type = 'unmapped_market' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(bet9ja)],
    );
    expect(audit.reason).toMatch(/^the feed labels them backwards \(mapped despite a suspicious price check: suspicious over 8 events/);
  });

  it("says no_overlap when no event offers both sides", async () => {
    // Bet9ja's Booking Points (matches 1-4) becomes a mapping; SportyBet's (matches 5-8) is checked onto it.
    const body: MapMarket = { canonicalId: "booking_points", name: "Booking Points", betpawaId: "77002" };
    await service.apply(await idOf("bet9ja", "S_BOOKPTS"), body, TEST_ACTOR);
    const check = await service.check(await idOf("sportybet", "880002"), { canonicalId: "booking_points" });
    expect(check).toMatchObject({ verdict: "no_overlap", eventsCompared: 0, meanDifference: null });
    expect(check.comparisons[0]).toMatchObject({ platform: "bet9ja", externalMarketId: "S_BOOKPTS", eventsCompared: 0 });
    expect(check.comparisons[0].reasons).toEqual(["no shared event with usable odds on both sides"]);
  });

  it("ranks the counterpart that prices like it first, with prices as a reason, above a look-alike priced otherwise", async () => {
    const ranked = await candidates.forMarket(await idOf("bet9ja", "S_CORNOU"));
    const [first, second] = ranked.markets;
    console.log(
      ranked.markets
        .slice(0, 3)
        .map((m) => `${m.externalMarketId} ${m.score} prices ${m.features.prices}`)
        .join(" | "),
    );
    expect(first).toMatchObject({
      externalMarketId: "880001",
      safeToAccept: true,
      price: expect.objectContaining({ verdict: "consistent" }),
    });
    expect(first.reasons.some((r) => r.startsWith("prices agree"))).toBe(true);
    expect(first.price?.pairing).toEqual([
      { name: "O", pairedWith: "Over" },
      { name: "U", pairedWith: "Under" },
    ]);
    expect(second).toMatchObject({ externalMarketId: "880003", safeToAccept: false });
    expect(second.features.prices).toBeLessThan(first.features.prices!);

    // Once SportyBet 880001 is mapped, its mapping is the candidate, with the outcomes paired by price.
    await mapSportybetCorners();
    const after = await candidates.forMarket(await idOf("bet9ja", "S_CORNOU"));
    expect(after.mappings[0]).toMatchObject({ canonicalId: "corners_ou", safeToAccept: true });
    expect(after.mappings[0].pairings.map((p) => [p.sampleName, p.canonicalOutcomeId])).toEqual([
      ["O", "over"],
      ["U", "under"],
    ]);
  });
});
