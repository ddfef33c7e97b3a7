// Unmap (the undo of "map this market", issue 13) over real HTTP on PGlite and PostgreSQL: the demo's
// "Corner Race to 7" on both platforms is mapped into one new mapping; unmapping the Bet9ja side
// clears its key and outcome names from the mapping, unmapping the SportyBet side then deactivates
// the mapping (it was created by mapping that market and would name none); both markets are NEW
// again, audited with the reason, and the next scrape counts them as unmapped. A market that is not
// MAPPED is 409, an unknown or malformed id 404, a bad body 400, and none of those changes anything.
import { describe, expect, it } from "vitest";
import { auditListSchema } from "@/lib/contract/audit";
import { mapResultSchema, mappingDetailSchema } from "@/lib/contract/mappings";
import { unmapResultSchema } from "@/lib/contract/unmap";
import { okBody, problemBody, problemFields } from "@/server/testing/answers";
import { available, DB_KINDS } from "@/server/testing/databases";
import { scrapedDemoServer } from "@/server/testing/demo-server";

describe.each(DB_KINDS)("unmap on %s", (kind) => {
  const { api, scrape, market, detail } = scrapedDemoServer(kind);
  const unmap = (id: number | string, json: object = {}) => api(`/api/unmapped/${id}/unmap`, { method: "POST", json });
  const history = async (path: string) => auditListSchema.parse(await okBody(await api(`${path}/history`))).items;

  describe.skipIf(!available(kind))("", () => {
    it("refuses a market that is not MAPPED (409), an unknown or malformed id (404) and a bad body (400)", async () => {
      const open = await detail((await market("sportybet", "Goals Over/Under - Match")).id);
      const refused = await problemBody(await unmap(open.id), 409);
      expect(refused.detail).toContain("not MAPPED");
      await problemBody(await unmap(2_000_000_000), 404);
      await problemBody(await unmap("abc"), 404);
      expect(await problemFields(await unmap(open.id, { extra: 1 }))).toContain("body.extra");
      expect(await problemFields(await unmap(open.id, { reason: "x".repeat(501) }))).toContain("body.reason");
      expect(await detail(open.id)).toMatchObject({ status: "NEW", version: open.version });
    });

    it("map both sides, unmap one (its id leaves the mapping), then the other (the mapping is deactivated)", async () => {
      const sporty = await market("sportybet", "Corner Race to 7");
      const bet9ja = await market("bet9ja", "Corner Race to 7");
      const mapped = mapResultSchema.parse(
        await okBody(
          await api(`/api/unmapped/${sporty.id}/map`, {
            method: "POST",
            json: { canonicalId: "race_7_unmap", name: "Corner Race to 7", betpawaId: "990170", counterpartId: bet9ja.id },
          }),
        ),
      );
      expect(mapped.mapping).toMatchObject({ sportybetId: sporty.externalMarketId, bet9jaKey: bet9ja.externalMarketId });

      const first = unmapResultSchema.parse(await okBody(await unmap(bet9ja.id, { reason: "wrong side" })));
      expect(first.mappingChange).toBe("cleared");
      expect(first.market).toMatchObject({ id: bet9ja.id, status: "NEW", mappedAt: null, mappingCanonicalId: null });
      expect(first.mapping).toMatchObject({
        canonicalId: "race_7_unmap",
        active: true,
        sportybetId: sporty.externalMarketId,
        bet9jaKey: null,
      });
      expect(first.mapping.outcomes.every((o) => o.bet9jaSuffix === null && o.sportybetDesc !== null)).toBe(true);
      expect((await detail(sporty.id)).status).toBe("MAPPED");
      expect((await history(`/api/unmapped/${bet9ja.id}`))[0]).toMatchObject({
        action: "unmapped",
        reason: "wrong side",
        before: { status: "MAPPED", mapping: "race_7_unmap" },
        after: { status: "NEW" },
      });
      expect((await history("/api/mappings/race_7_unmap"))[0]).toMatchObject({ action: "mapping_updated", reason: "wrong side" });
      await problemBody(await unmap(bet9ja.id), 409);

      const second = unmapResultSchema.parse(await okBody(await unmap(sporty.id, { reason: "not offered" })));
      expect(second.mappingChange).toBe("deactivated");
      expect(second.market).toMatchObject({ status: "NEW", mappingCanonicalId: null });
      expect(second.mapping).toMatchObject({ active: false, sportybetId: sporty.externalMarketId });
      expect((await history("/api/mappings/race_7_unmap"))[0]).toMatchObject({ action: "mapping_deactivated", reason: "not offered" });
      expect(mappingDetailSchema.parse(await okBody(await api("/api/mappings/race_7_unmap"))).active).toBe(false);

      // The next lookup counts both as unmapped again: their sightings grow, and they stay NEW.
      const [sportyBefore, bet9jaBefore] = [await detail(sporty.id), await detail(bet9ja.id)];
      await scrape();
      const [sportyAfter, bet9jaAfter] = [await detail(sporty.id), await detail(bet9ja.id)];
      expect(sportyAfter.occurrenceCount).toBeGreaterThan(sportyBefore.occurrenceCount);
      expect(bet9jaAfter.occurrenceCount).toBeGreaterThan(bet9jaBefore.occurrenceCount);
      expect([sportyAfter.status, bet9jaAfter.status]).toEqual(["NEW", "NEW"]);

      // Mapped again, to the same mapping id: it comes back to life (mapping_created), and unmaps again.
      await okBody(
        await api(`/api/unmapped/${sporty.id}/map`, {
          method: "POST",
          json: { canonicalId: "race_7_unmap", name: "Corner Race to 7", betpawaId: "990170" },
        }),
      );
      expect(unmapResultSchema.parse(await okBody(await unmap(sporty.id))).mappingChange).toBe("deactivated");
    });
  });
});
