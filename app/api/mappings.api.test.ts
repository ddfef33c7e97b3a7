// The issue-4 endpoints over real HTTP on PGlite and PostgreSQL: mappings CRUD, map, candidates,
// history, audit and stats, with every status code they promise.
import { describe, expect, it } from "vitest";
import { auditListSchema } from "@/lib/contract/audit";
import { candidatesSchema, mapResultSchema, mappingDetailSchema, mappingListSchema } from "@/lib/contract/mappings";
import { statsSchema } from "@/lib/contract/stats";
import { unmappedDetailSchema, unmappedListSchema } from "@/lib/contract/unmapped";
import { available, DB_KINDS } from "@/server/testing/databases";
import { okBody, problemBody } from "@/server/testing/answers";
import { scrapedDemoServer } from "@/server/testing/demo-server";

describe.each(DB_KINDS)("mappings API on %s", (kind) => {
  const { api, scrape } = scrapedDemoServer(kind);
  const ok = okBody;
  const problem = problemBody;

  describe.skipIf(!available(kind))("", () => {
    it("lists the built-in catalog with filters and pagination", async () => {
      const all = mappingListSchema.parse(await ok(await api("/api/mappings?pageSize=200")));
      expect(all.total).toBe(129);
      expect(all.items.every((m) => m.origin === "builtin" && m.active)).toBe(true);
      const bet9ja = mappingListSchema.parse(await ok(await api("/api/mappings?platform=bet9ja&pageSize=200")));
      expect(bet9ja.items.every((m) => m.bet9jaKey !== null)).toBe(true);
      const q = mappingListSchema.parse(await ok(await api("/api/mappings?q=S_OU1T")));
      expect(q.items.map((m) => m.canonicalId)).toEqual(["over_under_1h"]);
      expect(mappingListSchema.parse(await ok(await api("/api/mappings?origin=user"))).total).toBe(0);
      const page2 = mappingListSchema.parse(await ok(await api("/api/mappings?pageSize=50&page=3")));
      expect(page2.items).toHaveLength(29);
      expect((await problem(await api("/api/mappings?platform=pinnacle"), 400)).errors?.[0].field).toBe("query.platform");
    });

    it("GET one mapping; unknown or malformed ids are 404", async () => {
      const m = mappingDetailSchema.parse(await ok(await api("/api/mappings/1x2_ft")));
      expect(m).toMatchObject({ origin: "builtin", sportybetId: "1", bet9jaKey: "S_1X2", active: true, version: null });
      expect(m.outcomes.map((o) => o.betpawaName)).toEqual(["1", "X", "2"]);
      await problem(await api("/api/mappings/no_such_mapping"), 404);
      await problem(await api("/api/mappings/Bad-Slug"), 404);
    });

    it("POST creates (201), refuses duplicates and taken ids (409) and bad bodies (400); PATCH overrides a built-in; DELETE restores it", async () => {
      const body = {
        canonicalId: "corner_race_5",
        name: "Race to 5 Corners",
        betpawaId: "990005",
        sportybetId: "999001",
        outcomes: [
          { canonicalId: "home", betpawaName: "Home", sportybetDesc: "Home", bet9jaSuffix: null, position: 0 },
          { canonicalId: "away", betpawaName: "Away", sportybetDesc: "Away", bet9jaSuffix: null, position: 1 },
        ],
        reason: "new market",
      };
      const created = await api("/api/mappings", { method: "POST", json: body });
      expect(created.headers.get("location")).toBe("/api/mappings/corner_race_5");
      expect(mappingDetailSchema.parse(await ok(created, 201))).toMatchObject({ origin: "user", active: true, version: 1 });
      await problem(await api("/api/mappings", { method: "POST", json: body }), 409);
      const taken = await problem(
        await api("/api/mappings", { method: "POST", json: { ...body, canonicalId: "other", sportybetId: "18" } }),
        409,
      );
      expect(taken.detail).toContain("over_under_ft");
      for (const [bad, field] of [
        [{ ...body, canonicalId: "Bad Slug" }, "body.canonicalId"],
        [{ ...body, outcomes: [] }, "body.outcomes"],
        [{ ...body, sportybetId: null }, "body.sportybetId"],
        [{ ...body, extra: 1 }, "body.extra"],
      ] as const) {
        expect(
          (await problem(await api("/api/mappings", { method: "POST", json: bad }), 400)).errors?.map((e) => e.field).join(" "),
        ).toContain(field);
      }

      const override = mappingDetailSchema.parse(
        await ok(await api("/api/mappings/btts_ft", { method: "PATCH", json: { name: "BTTS (ours)" } })),
      );
      expect(override).toMatchObject({ origin: "user", name: "BTTS (ours)", sportybetId: "29", active: true, version: 1 });
      expect(override.builtin).toMatchObject({ origin: "builtin", active: false });
      await problem(await api("/api/mappings/btts_ft", { method: "PATCH", json: { name: "x" }, headers: { "if-match": '"7"' } }), 412);
      const restored = mappingDetailSchema.parse(await ok(await api("/api/mappings/btts_ft?reason=undo", { method: "DELETE" })));
      expect(restored).toMatchObject({ origin: "builtin", name: "Both Teams To Score - Full Time", active: true });
      await problem(await api("/api/mappings/btts_ft", { method: "DELETE" }), 409);
      await problem(await api("/api/mappings/never_existed", { method: "DELETE" }), 404);

      const history = auditListSchema.parse(await ok(await api("/api/mappings/btts_ft/history")));
      expect(history.items.map((h) => h.action)).toEqual(["mapping_deactivated", "mapping_created"]);
      expect(history.items[0].reason).toBe("undo");
    });

    it("accepts outcomes that leave out the names a platform does not have and their positions (list order)", async () => {
      const created = mappingDetailSchema.parse(
        await ok(
          await api("/api/mappings", {
            method: "POST",
            json: {
              canonicalId: "sporty_only_race",
              name: "Race to 3 Goals",
              sportybetId: "999101",
              outcomes: [
                { canonicalId: "home", betpawaName: "Home", sportybetDesc: "Home" },
                { canonicalId: "none", betpawaName: "Neither", sportybetDesc: "None" },
                { canonicalId: "away", sportybetDesc: "Away" },
              ],
            },
          }),
          201,
        ),
      );
      expect(created.outcomes).toEqual([
        { canonicalId: "home", betpawaName: "Home", sportybetDesc: "Home", bet9jaSuffix: null, position: 0 },
        { canonicalId: "none", betpawaName: "Neither", sportybetDesc: "None", bet9jaSuffix: null, position: 1 },
        { canonicalId: "away", betpawaName: null, sportybetDesc: "Away", bet9jaSuffix: null, position: 2 },
      ]);
      expect(created.betpawaId).toBeNull();
      // An explicit position still counts; a bad one is still refused.
      const patched = mappingDetailSchema.parse(
        await ok(
          await api("/api/mappings/sporty_only_race", {
            method: "PATCH",
            json: {
              outcomes: [
                { canonicalId: "away", sportybetDesc: "Away", position: 5 },
                { canonicalId: "home", sportybetDesc: "Home" },
              ],
            },
          }),
        ),
      );
      expect(patched.outcomes.map((o) => [o.canonicalId, o.position])).toEqual([
        ["home", 1],
        ["away", 5],
      ]);
      const bad = await problem(
        await api("/api/mappings/sporty_only_race", { method: "PATCH", json: { outcomes: [{ canonicalId: "home", position: -1 }] } }),
        400,
      );
      expect(bad.errors?.map((e) => e.field)).toContain("body.outcomes.0.position");
    });

    it("maps an unmapped market: candidates, map, history, stats; the next scrape counts it as mapped", async () => {
      const list = unmappedListSchema.parse(await ok(await api("/api/unmapped?source=sportybet&sort=occurrenceCount&pageSize=1")));
      const target = list.items[0];
      const candidates = candidatesSchema.parse(await ok(await api(`/api/unmapped/${target.id}/candidates`)));
      expect(candidates.mappings.length).toBeGreaterThan(0);
      expect(candidates.mappings.every((c, i, a) => i === 0 || a[i - 1].score >= c.score)).toBe(true);
      expect(candidates.markets.every((m) => m.source === "bet9ja")).toBe(true);
      await problem(await api("/api/unmapped/99999999/candidates"), 404);

      const statsBefore = statsSchema.parse(await ok(await api("/api/stats")));
      await problem(await api(`/api/unmapped/${target.id}/map`, { method: "POST", json: { canonicalId: "brand_new" } }), 422);
      await problem(await api(`/api/unmapped/${target.id}/map`, { method: "POST", json: { canonicalId: "NOT OK" } }), 400);
      await problem(
        await api(`/api/unmapped/99999999/map`, { method: "POST", json: { canonicalId: "x", name: "x", betpawaId: "1" } }),
        404,
      );
      const result = mapResultSchema.parse(
        await ok(
          await api(`/api/unmapped/${target.id}/map`, {
            method: "POST",
            json: { canonicalId: "demo_mapped", name: target.marketName, betpawaId: "990100", reason: "covered by betpawa" },
          }),
        ),
      );
      expect(result.market).toMatchObject({ id: target.id, status: "MAPPED", mappingCanonicalId: "demo_mapped" });
      expect(result.mapping).toMatchObject({ canonicalId: "demo_mapped", sportybetId: target.externalMarketId });
      await problem(await api(`/api/unmapped/${target.id}/map`, { method: "POST", json: { canonicalId: "demo_mapped" } }), 409);

      const run = await scrape();
      const after = unmappedDetailSchema.parse(await ok(await api(`/api/unmapped/${target.id}`)));
      expect(after).toMatchObject({ status: "MAPPED", occurrenceCount: target.occurrenceCount });
      const statsAfter = statsSchema.parse(await ok(await api("/api/stats")));
      expect(statsAfter.lastRun?.id).toBe(run.id);
      expect(statsAfter.lastRun!.coverage.sportybet.coverage!).toBeGreaterThan(statsBefore.lastRun!.coverage.sportybet.coverage!);
      expect(statsAfter.byStatus.MAPPED).toBe(1);
      expect(statsAfter.runs.map((r) => r.id)).toEqual([...statsAfter.runs.map((r) => r.id)].sort((a, b) => a - b));

      const history = auditListSchema.parse(await ok(await api(`/api/unmapped/${target.id}/history`)));
      expect(history.items[0]).toMatchObject({ action: "mapped", reason: "covered by betpawa", actorType: "token", actor: "test admin" });
      const audit = auditListSchema.parse(await ok(await api("/api/audit?action=mapping_created&pageSize=200")));
      expect(audit.items.map((a) => a.entityId)).toContain("demo_mapped");
      await problem(await api("/api/audit?action=exploded"), 400);
      await problem(await api("/api/unmapped/abc/history"), 404);
    });

    it("PATCH on a market records its history with the reason", async () => {
      const [item] = unmappedListSchema.parse(await ok(await api("/api/unmapped?status=NEW&pageSize=1"))).items;
      await ok(
        await api(`/api/unmapped/${item.id}`, {
          method: "PATCH",
          json: { status: "IGNORED", notes: "prop", reason: "betpawa doesn't offer props" },
        }),
      );
      const history = auditListSchema.parse(await ok(await api(`/api/unmapped/${item.id}/history`)));
      expect(history.items.map((h) => h.action).sort()).toEqual(["notes_changed", "status_changed"]);
      expect(history.items.find((h) => h.action === "status_changed")).toMatchObject({
        before: { status: "NEW" },
        after: { status: "IGNORED" },
        reason: "betpawa doesn't offer props",
      });
    });
  });
});
