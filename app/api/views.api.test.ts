// Saved views over real HTTP on PGlite and PostgreSQL: CRUD, sharing (a shared view reaches a second
// person with its count, a personal one does not), who may change what, names unique per owner,
// queries checked against the list's own parameters, and counts equal to the list's totals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unmappedListSchema } from "@/lib/contract/unmapped";
import { savedViewListSchema, savedViewSchema, VIEWS_PER_PERSON_MAX, type SavedView } from "@/lib/contract/views";
import { serverApi } from "@/server/testing/api";
import { okBody, problemBody, problemFields } from "@/server/testing/answers";
import { available, DB_KINDS } from "@/server/testing/databases";
import { createTeam, type TestPerson } from "@/server/testing/people";
import { startTestServer, type TestServer } from "@/server/testing/server";

describe.each(DB_KINDS)("saved views on %s", (kind) => {
  let server: TestServer;
  let tara: TestPerson, tom: TestPerson, vic: TestPerson;
  const admin = serverApi(() => server);
  const ok = okBody;
  const problem = problemBody;
  const fields = problemFields;
  const create = (who: TestPerson["api"], json: unknown) => who("/api/views", { method: "POST", json });
  const views = async (who: TestPerson["api"]) => savedViewListSchema.parse(await ok(await who("/api/views"))).items;
  /** What the list itself says for this query string. */
  const listTotal = async (query: string) => {
    const list = unmappedListSchema.parse(await ok(await admin(`/api/unmapped?${query}`)));
    return { count: list.total, countCapped: list.totalCapped };
  };

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { demo: { events: 4, newPerCycle: 0 } });
    await ok(await admin("/api/scrape?wait=true", { method: "POST" }));
    [tara, tom, vic] = await createTeam(server.url, server.token);
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    let personal: SavedView, shared: SavedView;

    it("creates personal and shared views (201 + Location) whose counts are the list's totals", async () => {
      const res = await create(tara.api, { name: " New ones ", query: { status: "NEW", sort: "priority" } });
      personal = savedViewSchema.parse(await ok(res, 201));
      expect(res.headers.get("location")).toBe(`/api/views/${personal.id}`);
      expect(personal).toMatchObject({ name: "New ones", shared: false, mine: true, owner: { id: tara.id, name: "Tara Triager" } });
      expect(personal.query).toEqual({ status: "NEW", sort: "priority" });
      expect(personal).toMatchObject(await listTotal("status=NEW"));
      expect(personal.count).toBeGreaterThan(0);

      shared = savedViewSchema.parse(
        await ok(await create(tara.api, { name: "Team: parked", query: { status: ["IGNORED", "ACKNOWLEDGED"] }, shared: true }), 201),
      );
      expect(shared).toMatchObject({ shared: true, ...(await listTotal("status=IGNORED,ACKNOWLEDGED")) });

      const search = savedViewSchema.parse(
        await ok(await create(tara.api, { name: "Search", query: { q: "Goal", minOccurrences: "1" } }), 201),
      );
      expect(search).toMatchObject(await listTotal("q=Goal&minOccurrences=1"));
      expect((await tara.api(`/api/views/${search.id}`, { method: "DELETE" })).status).toBe(204);
    });

    it("lists own views then others' shared ones: a shared view reaches a second person with its count, a personal one does not", async () => {
      const mine = await views(tara.api);
      expect(mine.map((v) => [v.name, v.mine])).toEqual([
        ["New ones", true],
        ["Team: parked", true],
      ]);
      const his = await views(tom.api);
      expect(his).toEqual([{ ...shared, mine: false, updatedAt: his[0].updatedAt }]);
      expect(his[0].count).toBe(shared.count);
      await problem(await tom.api(`/api/views/${personal.id}`), 404);
      expect(savedViewSchema.parse(await ok(await vic.api(`/api/views/${shared.id}`))).mine).toBe(false);

      // The count is of the markets now: one more parked market, one more in the count.
      const list = unmappedListSchema.parse(await ok(await admin("/api/unmapped?status=NEW&pageSize=1")));
      await ok(await admin(`/api/unmapped/${list.items[0].id}`, { method: "PATCH", json: { status: "IGNORED" } }));
      expect((await views(tom.api))[0].count).toBe(shared.count + 1);
      expect((await views(tara.api))[0].count).toBe(personal.count - 1);
    });

    it("lets viewers keep personal views but not share them", async () => {
      const own = savedViewSchema.parse(await ok(await create(vic.api, { name: "Mine", query: {} }), 201));
      expect(own).toMatchObject({ mine: true, shared: false, owner: { id: vic.id }, query: {} });
      expect((await problem(await create(vic.api, { name: "Ours", query: {}, shared: true }), 403)).detail).toContain("triager");
      await problem(await vic.api(`/api/views/${own.id}`, { method: "PATCH", json: { shared: true } }), 403);
      expect((await views(vic.api)).map((v) => v.name)).toEqual(["Mine", "Team: parked"]);
      expect((await views(tara.api)).map((v) => v.name)).not.toContain("Mine");
    });

    it("only the owner, or an admin for a shared view, changes it; someone else's personal view is 404", async () => {
      await problem(await tom.api(`/api/views/${shared.id}`, { method: "PATCH", json: { name: "Tom's now" } }), 403);
      await problem(await tom.api(`/api/views/${shared.id}`, { method: "DELETE" }), 403);
      await problem(await vic.api(`/api/views/${shared.id}`, { method: "DELETE" }), 403);
      await problem(await tom.api(`/api/views/${personal.id}`, { method: "PATCH", json: { name: "x" } }), 404);
      await problem(await admin(`/api/views/${personal.id}`, { method: "PATCH", json: { name: "x" } }), 404);
      await problem(await admin(`/api/views/${personal.id}`, { method: "DELETE" }), 404);
      await problem(await tara.api(`/api/views/999999`, { method: "DELETE" }), 404);

      const renamed = savedViewSchema.parse(
        await ok(await admin(`/api/views/${shared.id}`, { method: "PATCH", json: { name: "Parked", query: { status: "IGNORED" } } })),
      );
      expect(renamed).toMatchObject({ name: "Parked", owner: { id: tara.id }, mine: false, ...(await listTotal("status=IGNORED")) });
      expect(Date.parse(renamed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(shared.updatedAt));

      const unshared = savedViewSchema.parse(
        await ok(await tara.api(`/api/views/${shared.id}`, { method: "PATCH", json: { shared: false } })),
      );
      expect(unshared.shared).toBe(false);
      expect((await views(tom.api)).map((v) => v.id)).not.toContain(shared.id);
      await problem(await admin(`/api/views/${shared.id}`, { method: "DELETE" }), 404);
      await ok(await tara.api(`/api/views/${shared.id}`, { method: "PATCH", json: { shared: true } }));
      expect((await admin(`/api/views/${shared.id}`, { method: "DELETE" })).status).toBe(204);
      expect((await views(tara.api)).map((v) => v.name)).toEqual(["New ones"]);
    });

    it("keeps names unique per owner (409 naming body.name) and refuses bad queries naming the field", async () => {
      expect(await fields(await create(tara.api, { name: "New ones", query: {} }), 409)).toEqual(["body.name"]);
      const other = savedViewSchema.parse(await ok(await create(tara.api, { name: "Other", query: {} }), 201));
      expect(await fields(await tara.api(`/api/views/${other.id}`, { method: "PATCH", json: { name: "New ones" } }), 409)).toEqual([
        "body.name",
      ]);
      // Another owner may use the same name.
      await ok(await create(tom.api, { name: "New ones", query: {} }), 201);

      for (const [query, field] of [
        [{ status: "BOGUS" }, "body.query.status"],
        [{ sort: "height" }, "body.query.sort"],
        [{ page: "2" }, "body.query.page"],
        [{ colour: "red" }, "body.query.colour"],
        [{ minOccurrences: "-1" }, "body.query.minOccurrences"],
        [{ status: 5 }, "body.query.status"],
      ] as const) {
        // The field, or one of its values (body.query.status.0).
        expect((await fields(await create(tara.api, { name: "Bad", query }))).join(" ")).toContain(field);
      }
      expect(await fields(await tara.api(`/api/views/${other.id}`, { method: "PATCH", json: { query: { reason: "nope" } } }))).toContain(
        "body.query.reason",
      );
      expect(await fields(await create(tara.api, { name: "", query: {} }))).toContain("body.name");
      expect(await fields(await create(tara.api, { name: "x".repeat(61), query: {} }))).toContain("body.name");
      expect(await fields(await create(tara.api, { name: "No query" }))).toContain("body.query");
      expect(await fields(await create(tara.api, { name: "Extra", query: {}, pinned: true }))).toContain("body.pinned");
    });

    it(`keeps at most ${VIEWS_PER_PERSON_MAX} views per person`, async () => {
      const have = (await views(vic.api)).filter((v) => v.mine).length;
      for (let i = have; i < VIEWS_PER_PERSON_MAX; i++) await ok(await create(vic.api, { name: `View ${i}`, query: {} }), 201);
      expect((await problem(await create(vic.api, { name: "One too many", query: {} }), 409)).detail).toContain(`${VIEWS_PER_PERSON_MAX}`);
      const all = await views(vic.api);
      expect(all.filter((v) => v.mine)).toHaveLength(VIEWS_PER_PERSON_MAX);
      expect(all.every((v) => v.count === all.find((w) => w.name === "Mine")!.count)).toBe(true);
    });
  });
});
