// Request bodies over real HTTP, on PGlite and PostgreSQL: a field that may be null may also be left
// out. In a PATCH (markets, bulk, mappings) absent means "leave it as it is" and null clears; in a
// create (mappings, tokens) absent means null. One test per family of request schemas;
// lib/contract/openapi.test.ts checks the rule over every request body of the document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { principalSchema, tokenCreatedSchema } from "@/lib/contract/auth";
import { mappingDetailSchema } from "@/lib/contract/mappings";
import { changeResultSchema, unmappedDetailSchema, unmappedEditedSchema, unmappedListSchema } from "@/lib/contract/unmapped";
import { okBody } from "@/server/testing/answers";
import { serverApi } from "@/server/testing/api";
import { available, DB_KINDS } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";

describe.each(DB_KINDS)("request bodies that leave out nullable fields on %s", (kind) => {
  let server: TestServer;
  const api = serverApi(() => server);

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { demo: { events: 4, newPerCycle: 0 } });
    await okBody(await api("/api/scrape?wait=true", { method: "POST" }));
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    it("market PATCH and bulk: notes, assigneeId and snooze left out stay as they are; null clears them", async () => {
      const me = principalSchema.parse(await okBody(await api("/api/me")));
      const [a, b] = unmappedListSchema.parse(await okBody(await api("/api/unmapped?status=NEW&pageSize=2"))).items;
      const patch = async (id: number, json: unknown) =>
        unmappedEditedSchema.parse(await okBody(await api(`/api/unmapped/${id}`, { method: "PATCH", json })));

      await patch(a.id, { notes: "Check with the traders", assigneeId: me.userId, snooze: { sightings: 50 } });
      const kept = await patch(a.id, { reason: "nothing else sent" });
      expect(kept).toMatchObject({ status: "IGNORED", notes: "Check with the traders", assignee: { id: me.userId } });
      expect(kept.snooze).toMatchObject({ sightings: 50 });
      expect(kept.changeId).toBeNull();

      const renoted = await patch(a.id, { notes: "Traders say no" });
      expect(renoted).toMatchObject({ status: "IGNORED", notes: "Traders say no", assignee: { id: me.userId } });
      expect(renoted.snooze).toMatchObject({ sightings: 50 });

      const cleared = await patch(a.id, { notes: null, assigneeId: null, snooze: null });
      expect(cleared).toMatchObject({ status: "IGNORED", notes: null, assignee: null, snooze: null });

      // Bulk: set holds only what changes; assigneeId and snooze left out stay as they are.
      await patch(b.id, { assigneeId: me.userId });
      changeResultSchema.parse(
        await okBody(await api("/api/unmapped/bulk", { method: "POST", json: { ids: [b.id], set: { addNote: "Seen on both sites" } } })),
      );
      const bulked = unmappedDetailSchema.parse(await okBody(await api(`/api/unmapped/${b.id}`)));
      expect(bulked).toMatchObject({ status: "ACKNOWLEDGED", notes: "Seen on both sites", assignee: { id: me.userId }, snooze: null });
    });

    it("mappings: a create leaves out platform ids and outcome names (null); a PATCH leaves out what it keeps", async () => {
      const created = mappingDetailSchema.parse(
        await okBody(
          await api("/api/mappings", {
            method: "POST",
            json: {
              canonicalId: "omitted_nulls_race",
              name: "Race to 2 Goals",
              sportybetId: "999201",
              outcomes: [{ canonicalId: "home", sportybetDesc: "Home" }],
            },
          }),
          201,
        ),
      );
      expect(created).toMatchObject({ betpawaId: null, bet9jaKey: null, sportybetId: "999201" });
      expect(created.outcomes).toEqual([
        { canonicalId: "home", betpawaName: null, sportybetDesc: "Home", bet9jaSuffix: null, position: 0 },
      ]);

      const edit = async (json: unknown) =>
        mappingDetailSchema.parse(await okBody(await api("/api/mappings/omitted_nulls_race", { method: "PATCH", json })));
      const withIds = await edit({ betpawaId: "990201", bet9jaKey: "S_RACE2" });
      const renamed = await edit({ name: "Race to Two Goals" });
      expect(renamed).toMatchObject({ name: "Race to Two Goals", betpawaId: "990201", sportybetId: "999201", bet9jaKey: "S_RACE2" });
      expect(renamed.outcomes).toEqual(withIds.outcomes);
      expect(await edit({ bet9jaKey: null })).toMatchObject({ bet9jaKey: null, betpawaId: "990201", sportybetId: "999201" });
    });

    it("tokens: expiresAt left out is a token that does not expire, like null", async () => {
      for (const json of [
        { name: "left out", role: "viewer" },
        { name: "null", role: "viewer", expiresAt: null },
      ]) {
        const token = tokenCreatedSchema.parse(await okBody(await api("/api/tokens", { method: "POST", json }), 201));
        expect(token).toMatchObject({ name: json.name, role: "viewer", expiresAt: null });
        const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token.token}` } });
        expect(me.status).toBe(200);
      }
    });
  });
});
