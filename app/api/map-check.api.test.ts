// The price check over real HTTP on PGlite and PostgreSQL, against the demo feed's price traps:
// "Goals Over/Under - 1st Half" and "- Match" have the same outcome names on each platform (O/U on
// Bet9ja) but are different markets; only prices tell them apart, and a swapped O/U pairing.
// POST /map/check changes nothing; /map refuses what it calls suspicious unless confirmed with a reason.
import { describe, expect, it } from "vitest";
import { mapCheckSchema } from "@/lib/contract/price-check";
import { candidatesSchema } from "@/lib/contract/mappings";
import { unmappedDetailSchema } from "@/lib/contract/unmapped";
import { okBody, problemBody } from "@/server/testing/answers";
import { available, DB_KINDS } from "@/server/testing/databases";
import { scrapedDemoServer } from "@/server/testing/demo-server";

describe.each(DB_KINDS)("price check over HTTP on %s", (kind) => {
  const { api, scrape, market } = scrapedDemoServer(kind);
  const check = (id: number, json: object) => api(`/api/unmapped/${id}/map/check`, { method: "POST", json });
  const map = (id: number, json: object) => api(`/api/unmapped/${id}/map`, { method: "POST", json });
  const outcomes = (over: string, under: string) => [
    { canonicalId: "over", betpawaName: "Over", sportybetDesc: "Over", bet9jaSuffix: over, position: 0 },
    { canonicalId: "under", betpawaName: "Under", sportybetDesc: "Under", bet9jaSuffix: under, position: 1 },
  ];

  describe.skipIf(!available(kind))("", () => {
    it("judges the swapped pairing and the other period suspicious, the right one consistent, and /map follows", async () => {
      const firstHalf = await market("sportybet", "Goals Over/Under - 1st Half");
      await okBody(
        await map(firstHalf.id, {
          canonicalId: "goals_ou_1h",
          name: "Goals Over/Under - 1st Half",
          betpawaId: "990201",
          outcomes: outcomes("", "").map((o) => ({ ...o, bet9jaSuffix: null })),
        }),
      );
      await scrape(); // a run with the mapping in place: the snapshot sees the canonical market
      const bet9jaHalf = await market("bet9ja", "Goals Over/Under - 1st Half");
      const bet9jaMatch = await market("bet9ja", "Goals Over/Under - Match");

      const right = mapCheckSchema.parse(
        await okBody(await check(bet9jaHalf.id, { canonicalId: "goals_ou_1h", outcomes: outcomes("O", "U") })),
      );
      const swapped = mapCheckSchema.parse(
        await okBody(await check(bet9jaHalf.id, { canonicalId: "goals_ou_1h", outcomes: outcomes("U", "O") })),
      );
      const period = mapCheckSchema.parse(
        await okBody(await check(bet9jaMatch.id, { canonicalId: "goals_ou_1h", outcomes: outcomes("O", "U") })),
      );
      for (const [name, c] of [
        ["right", right],
        ["swapped", swapped],
        ["other period", period],
      ] as const) {
        console.log(`${kind} ${name}: ${c.verdict} over ${c.eventsCompared} events, mean ${c.meanDifference?.toFixed(4)}`);
      }
      expect(right.verdict).toBe("consistent");
      expect(right.eventsCompared).toBeGreaterThan(0);
      expect(right.dryRun.coveredSightings).toBe(right.dryRun.sightings);
      expect(swapped.verdict).toBe("suspicious");
      expect(swapped.comparisons[0].outcomes.map((o) => [o.name, o.bestPairedWith])).toEqual([
        ["O", "Over"],
        ["U", "Under"],
      ]);
      expect(period.verdict).toBe("suspicious");
      // The right names on another period's market: its prices are far off (27% against 74% for Over).
      expect(period.comparisons[0].meanDifference).toBeGreaterThan(period.thresholds.consistentMaxDiff * 5);

      // Among the 1st-half market's candidates the match market (same names, other prices) is not "safe".
      const others = candidatesSchema.parse(await okBody(await api(`/api/unmapped/${bet9jaHalf.id}/candidates`))).markets;
      const matchMarket = others.find((m) => m.marketName === "Goals Over/Under - Match" && m.source === "sportybet");
      expect(matchMarket).toMatchObject({ safeToAccept: false, price: expect.objectContaining({ verdict: "suspicious" }) });

      // The candidates put the 1st-half mapping first for the 1st-half market, with prices agreeing.
      const ranked = candidatesSchema.parse(await okBody(await api(`/api/unmapped/${bet9jaHalf.id}/candidates`)));
      expect(ranked.mappings[0]).toMatchObject({ canonicalId: "goals_ou_1h", price: expect.objectContaining({ verdict: "consistent" }) });

      // /map: refused while suspicious (naming body.confirmSuspicious); confirmSuspicious needs a reason (400).
      const refused = await problemBody(await map(bet9jaHalf.id, { canonicalId: "goals_ou_1h", outcomes: outcomes("U", "O") }), 422);
      expect(refused.errors?.map((e) => e.field)).toEqual(["body.confirmSuspicious"]);
      const noReason = await problemBody(
        await map(bet9jaHalf.id, { canonicalId: "goals_ou_1h", outcomes: outcomes("U", "O"), confirmSuspicious: true }),
        400,
      );
      expect(noReason.errors?.map((e) => e.field)).toEqual(["body.reason"]);
      expect(unmappedDetailSchema.parse(await okBody(await api(`/api/unmapped/${bet9jaHalf.id}`))).status).toBe("NEW");
      await okBody(await map(bet9jaHalf.id, { canonicalId: "goals_ou_1h", outcomes: outcomes("O", "U"), reason: "prices agree" }));
      expect(unmappedDetailSchema.parse(await okBody(await api(`/api/unmapped/${bet9jaHalf.id}`))).status).toBe("MAPPED");
    });

    it("answers bad input with a problem naming the field, and an unknown market with 404", async () => {
      const any = await market("sportybet", "Goals Over/Under - Match");
      const unknownField = await problemBody(await check(any.id, { canonicalId: "x_y", surprise: 1 }), 400);
      expect(unknownField.errors?.map((e) => e.field)).toContain("body.surprise");
      const badId = await problemBody(await check(any.id, { canonicalId: "Not An Id" }), 400);
      expect(badId.errors?.map((e) => e.field)).toEqual(["body.canonicalId"]);
      await problemBody(await check(2_000_000_000, { canonicalId: "x_y" }), 404);
      const newWithoutName = await problemBody(await check(any.id, { canonicalId: "brand_new" }), 422);
      expect(newWithoutName.errors?.map((e) => e.field)).toContain("body.name");
    });
  });
});
