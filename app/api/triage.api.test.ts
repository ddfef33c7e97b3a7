// The triage API over real HTTP, on PGlite and PostgreSQL: assignment through a token's owner,
// bulk refusals as problem+json naming the ids, undo, trend and the list's sparkline agreeing,
// roles, and bad input answered 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemSchema } from "@/lib/contract/common";
import { changeResultSchema, trendSchema, undoResultSchema, unmappedEditedSchema, unmappedListSchema } from "@/lib/contract/unmapped";
import { apiClient, serverApi } from "@/server/testing/api";
import { createToken, signIn } from "@/server/testing/auth";
import { available, DB_KINDS } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";

describe.each(DB_KINDS)("triage API on %s", (kind) => {
  let server: TestServer;
  let admin: ReturnType<typeof apiClient>;
  let triager: ReturnType<typeof apiClient>;
  let viewer: ReturnType<typeof apiClient>;
  let triagerId: string;
  const expectProblem = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return (await res.json()) as ReturnType<typeof problemSchema.parse> & { ids?: number[]; count?: number };
  };
  /** The items without priorityScore, which moves with the clock: what a change and its undo may touch. */
  const triageState = async (query: string) => (await list(admin, query)).items.map(({ priorityScore: _, ...rest }) => rest);
  const list = async (client: ReturnType<typeof apiClient>, query: string) => {
    const res = await client(`/api/unmapped${query}`);
    expect(res.status, query).toBe(200);
    return unmappedListSchema.parse(await res.json());
  };

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind);
    admin = serverApi(() => server);
    expect((await admin("/api/scrape?wait=true", { method: "POST" })).status).toBe(200);
    const person = { name: "Tara Triager", email: `tara-${kind}@example.test`, role: "triager", password: "tara-password-1" };
    const created = await admin("/api/users", { method: "POST", json: person });
    expect(created.status).toBe(201);
    triagerId = ((await created.json()) as { id: string }).id;
    const triagerToken = (await createToken(server.url, "triager", await signIn(server.url, person))).token;
    const viewerToken = (await createToken(server.url, "viewer")).token;
    triager = apiClient(
      () => server.url,
      () => triagerToken,
    );
    viewer = apiClient(
      () => server.url,
      () => viewerToken,
    );
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    it("a token assigns for its owner: assignee=me is the owner, NEW becomes ACKNOWLEDGED, undo puts it back", async () => {
      const [market] = (await list(admin, "?status=NEW&pageSize=1")).items;
      const res = await triager(`/api/unmapped/${market.id}`, { method: "PATCH", json: { assigneeId: triagerId } });
      expect(res.status).toBe(200);
      const edited = unmappedEditedSchema.parse(await res.json());
      expect(edited).toMatchObject({ status: "ACKNOWLEDGED", assignee: { id: triagerId, name: "Tara Triager" } });
      expect(res.headers.get("etag")).toBe(`"${edited.version}"`);
      expect((await list(triager, "?assignee=me")).items.map((i) => i.id)).toEqual([market.id]);
      expect((await list(admin, "?assignee=me")).total).toBe(0);
      expect((await list(viewer, `?assignee=${triagerId}`)).items.map((i) => i.id)).toEqual([market.id]);
      const none = await list(admin, "?assignee=none&pageSize=200");
      expect(none).toMatchObject({ totalCapped: false });
      expect(none.items.map((i) => i.id)).not.toContain(market.id);
      const undone = await triager(`/api/changes/${edited.changeId}/undo`, { method: "POST" });
      expect(undone.status).toBe(200);
      expect(undoResultSchema.parse(await undone.json())).toMatchObject({ restored: [market.id], skipped: [] });
      expect((await list(triager, "?assignee=me")).total).toBe(0);
      expect((await list(admin, `?q=${market.externalMarketId}`)).items.find((i) => i.id === market.id)?.status).toBe("NEW");
      await expectProblem(await triager(`/api/changes/${edited.changeId}/undo`, { method: "POST" }), 409);
    });

    it("bulk: 422 naming the unknown ids and changing nothing; then the change, and its undo", async () => {
      const ids = (await list(admin, "?pageSize=3&status=NEW")).items.map((i) => i.id);
      const before = await triageState("?pageSize=200&sort=firstSeenAt");
      const bad = await expectProblem(
        await triager("/api/unmapped/bulk", { method: "POST", json: { ids: [...ids, 987654], set: { status: "IGNORED" } } }),
        422,
      );
      expect(bad.ids).toEqual([987654]);
      expect(bad.errors?.[0].field).toBe("body.ids");
      expect(await triageState("?pageSize=200&sort=firstSeenAt")).toEqual(before);
      const res = await triager("/api/unmapped/bulk", { method: "POST", json: { ids, set: { snooze: { sightings: 2 } }, reason: "wait" } });
      expect(res.status).toBe(200);
      const { changeId, count } = changeResultSchema.parse(await res.json());
      expect(count).toBe(ids.length);
      const snoozed = await list(admin, "?status=IGNORED&pageSize=200");
      for (const id of ids) expect(snoozed.items.find((i) => i.id === id)?.snooze).toMatchObject({ sightings: 2, remainingSightings: 2 });
      const undone = undoResultSchema.parse(await (await triager(`/api/changes/${changeId}/undo`, { method: "POST" })).json());
      expect(undone.restored).toEqual([...ids].sort((a, b) => a - b));
      expect(await triageState("?pageSize=200&sort=firstSeenAt")).toEqual(before);
    });

    it("the trend and the list's sparkline agree: the last runs that are over, oldest first, 0 where unseen", async () => {
      const db = server.runtime.db;
      const [market] = (await list(admin, "?pageSize=1&sort=firstSeenAt&order=asc")).items;
      const runs = await db.query<{ id: number }>(
        `INSERT INTO scrape_runs (trigger, status, started_at, finished_at) VALUES
           ('manual', 'completed', now(), now()), ('manual', 'partial', now(), now()), ('manual', 'failed', now(), now())
         RETURNING id`,
      );
      const [r1, , r3] = runs.map((r) => Number(r.id)).sort((a, b) => a - b);
      await db.query(`DELETE FROM market_run_counts WHERE market_id = $1 AND run_id IN ($2, $3)`, [market.id, r1, r3]);
      await db.query(`INSERT INTO market_run_counts (market_id, run_id, sightings, events) VALUES ($1, $2, 7, 2), ($1, $3, 4, 1)`, [
        market.id,
        r1,
        r3,
      ]);
      const trendRes = await viewer(`/api/unmapped/${market.id}/trend?runs=3`);
      expect(trendRes.status).toBe(200);
      const trend = trendSchema.parse(await trendRes.json());
      expect(trend.runs.map((r) => [r.runId, r.sightings, r.events])).toEqual([
        [r1, 7, 2],
        [r1 + 1, 0, 0],
        [r3, 4, 1],
      ]);
      const page = await list(viewer, `?trendRuns=3&pageSize=200&sort=firstSeenAt&order=asc`);
      expect(page.items[0].trend).toEqual([7, 0, 4]);
      expect(page.items.every((i) => i.trend?.length === 3)).toBe(true);
      expect((await list(viewer, "?pageSize=1")).items[0].trend).toBeUndefined();
      await expectProblem(await viewer(`/api/unmapped/987654/trend`), 404);
    });

    it("escalating filters the flag and counts on the capped path", async () => {
      const [market] = (await list(admin, "?pageSize=1")).items;
      await server.runtime.db.query(`UPDATE unmapped_markets SET escalating = true WHERE id = $1`, [market.id]);
      const page = await list(viewer, "?escalating=true");
      expect(page.items.map((i) => [i.id, i.escalating])).toEqual([[market.id, true]]);
      expect(page.totalCapped).toBe(false);
      expect((await list(viewer, "?escalating=false&pageSize=200")).items.map((i) => i.id)).not.toContain(market.id);
    });

    it("viewers may not change: 403 on PATCH, bulk and undo", async () => {
      const [market] = (await list(admin, "?pageSize=1")).items;
      await expectProblem(await viewer(`/api/unmapped/${market.id}`, { method: "PATCH", json: { assigneeId: null } }), 403);
      await expectProblem(await viewer("/api/unmapped/bulk", { method: "POST", json: { ids: [market.id], set: { status: "NEW" } } }), 403);
      await expectProblem(await viewer("/api/changes/00000000-0000-4000-8000-000000000000/undo", { method: "POST" }), 403);
    });

    it("bad input is 400 naming the field; an unknown assignee or change is 422 or 404", async () => {
      const [market] = (await list(admin, "?pageSize=1")).items;
      const cases: [string, string, unknown, string][] = [
        ["PATCH", `/api/unmapped/${market.id}`, { snooze: {} }, "body.snooze"],
        ["PATCH", `/api/unmapped/${market.id}`, { snooze: { sightings: 0 } }, "body.snooze.sightings"],
        ["PATCH", `/api/unmapped/${market.id}`, { assigneeId: 5 }, "body.assigneeId"],
        ["POST", "/api/unmapped/bulk", { ids: [market.id], set: {} }, "body.set"],
        ["POST", "/api/unmapped/bulk", { ids: [], set: { status: "NEW" } }, "body.ids"],
        ["POST", "/api/unmapped/bulk", { ids: [market.id], set: { status: "MAPPED" } }, "body.set.status"],
        ["POST", "/api/unmapped/bulk", { ids: [market.id], filter: {}, set: { status: "NEW" } }, "body.filter"],
        ["POST", "/api/unmapped/bulk", { filter: { colour: "red" }, set: { status: "NEW" } }, "body.filter"],
        ["POST", "/api/unmapped/bulk", { ids: Array.from({ length: 10_001 }, (_, i) => i + 1), set: { status: "NEW" } }, "body.ids"],
        ["GET", `/api/unmapped/${market.id}/trend?runs=0`, undefined, "query.runs"],
        ["GET", "/api/unmapped?escalating=maybe", undefined, "query.escalating"],
        ["GET", "/api/unmapped?trendRuns=31", undefined, "query.trendRuns"],
        ["GET", "/api/unmapped?assignee=", undefined, "query.assignee"],
      ];
      for (const [method, path, json, field] of cases) {
        const body = await expectProblem(await triager(path, { method, json }), 400);
        expect(body.errors?.map((e) => e.field).join(" "), `${method} ${path} ${JSON.stringify(json)?.slice(0, 80)}`).toContain(field);
      }
      const unknown = await expectProblem(
        await triager(`/api/unmapped/${market.id}`, { method: "PATCH", json: { assigneeId: "nobody" } }),
        422,
      );
      expect(unknown.errors?.[0].field).toBe("body.assigneeId");
      await expectProblem(await triager("/api/changes/not-a-uuid/undo", { method: "POST" }), 404);
      await expectProblem(await triager("/api/changes/00000000-0000-4000-8000-000000000000/undo", { method: "POST" }), 404);
    });
  });
});
