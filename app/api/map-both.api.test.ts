// Map both sides at once (issue 13) over real HTTP on PGlite and PostgreSQL: one request maps a
// SportyBet market and its Bet9ja counterpart (the demo's "Corner Race to 7" trap, whose outcome
// names come in another order) into one new mapping; both are MAPPED and audited, and the next
// scrape counts both as mapped. It is one transaction: a counterpart the mapping cannot cover, one
// on the same platform or one that does not exist is refused naming body.counterpartId, and then
// nothing changed (the first market is still NEW, no mapping exists).
import { describe, expect, it } from "vitest";
import { auditListSchema } from "@/lib/contract/audit";
import { mapResultSchema } from "@/lib/contract/mappings";
import { okBody, problemBody } from "@/server/testing/answers";
import { available, DB_KINDS } from "@/server/testing/databases";
import { scrapedDemoServer } from "@/server/testing/demo-server";

describe.each(DB_KINDS)("map both sides on %s", (kind) => {
  const { api, scrape, market, detail } = scrapedDemoServer(kind);
  const map = (id: number, json: object) => api(`/api/unmapped/${id}/map`, { method: "POST", json });
  const fresh = { canonicalId: "corner_race_7", name: "Corner Race to 7", betpawaId: "990107", reason: "both books offer it" };

  describe.skipIf(!available(kind))("", () => {
    it("refuses a counterpart it cannot take, naming body.counterpartId, and changes nothing", async () => {
      const race = await market("sportybet", "Corner Race to 7");
      const goals = await market("bet9ja", "Goals Over/Under - Match");
      const sameSide = await market("sportybet", "Goals Over/Under - Match");
      for (const [counterpartId, status] of [
        [goals.id, 422], // its O/U outcomes pair with none of Home, Neither, Away
        [sameSide.id, 422],
        [2_000_000_000, 422],
        [race.id, 422],
      ] as const) {
        const refused = await problemBody(await map(race.id, { ...fresh, counterpartId }), status);
        expect(refused.errors?.map((e) => e.field)).toContain("body.counterpartId");
      }
      expect((await detail(race.id)).status).toBe("NEW");
      expect((await detail(goals.id)).status).toBe("NEW");
      await problemBody(await api("/api/mappings/corner_race_7"), 404);
    });

    it("maps both markets into one mapping in one request; the next scrape counts both as mapped", async () => {
      const race = await market("sportybet", "Corner Race to 7");
      const other = await market("bet9ja", "Corner Race to 7");
      const result = mapResultSchema.parse(await okBody(await map(race.id, { ...fresh, counterpartId: other.id })));
      expect(result.mapping).toMatchObject({
        canonicalId: "corner_race_7",
        sportybetId: race.externalMarketId,
        bet9jaKey: other.externalMarketId,
      });
      expect(result.market).toMatchObject({ id: race.id, status: "MAPPED", mappingCanonicalId: "corner_race_7" });
      expect(result.counterpart).toMatchObject({ id: other.id, status: "MAPPED", mappingCanonicalId: "corner_race_7" });
      // Paired by name, not by position: Bet9ja lists them Away, Neither, Home.
      for (const o of result.mapping.outcomes) {
        expect(o.bet9jaSuffix?.toLowerCase()).toContain(o.sportybetDesc!.toLowerCase());
      }
      for (const id of [race.id, other.id]) {
        const history = auditListSchema.parse(await okBody(await api(`/api/unmapped/${id}/history`)));
        expect(history.items[0]).toMatchObject({ action: "mapped", reason: "both books offer it" });
      }
      const [raceBefore, otherBefore] = [await detail(race.id), await detail(other.id)];
      await scrape();
      expect((await detail(race.id)).occurrenceCount).toBe(raceBefore.occurrenceCount);
      expect((await detail(other.id)).occurrenceCount).toBe(otherBefore.occurrenceCount);
      // Already MAPPED: mapping it again as a counterpart is a conflict.
      const again = await market("sportybet", "Goals Over/Under - 1st Half");
      await problemBody(
        await map(again.id, { canonicalId: "goals_1h_both", name: "x", betpawaId: "990108", counterpartId: other.id }),
        409,
      );
    });
  });
});
