// The REST API over real HTTP against the real server, on PGlite and on PostgreSQL: every status
// code the contract promises, and that bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemSchema } from "@/lib/contract/common";
import { healthSchema } from "@/lib/contract/health";
import { scrapeRunListSchema, scrapeRunSchema } from "@/lib/contract/scrape";
import { unmappedDetailSchema, unmappedListSchema, type UnmappedItem } from "@/lib/contract/unmapped";
import { available, DB_KINDS } from "@/server/testing/databases";
import { createDemoSource } from "@/server/scraping/sources/demo";
import { gated } from "@/server/testing/gated-source";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { waitFor } from "@/server/testing/wait";

describe.each(DB_KINDS)("REST API on %s", (kind) => {
  let server: TestServer;
  const source = gated(createDemoSource({ seed: 7, events: 6, newPerCycle: 2 }));
  const api = (path: string, init?: RequestInit) => server.fetch(path, init);
  const getJson = async (path: string) => {
    const res = await api(path);
    expect(res.status, `${path} -> ${res.status}`).toBe(200);
    return res.json();
  };
  const expectProblem = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = problemSchema.parse(await res.json());
    expect(body.status).toBe(status);
    return body;
  };
  const list = async (query = "") => unmappedListSchema.parse(await getJson(`/api/unmapped${query}`));
  const patch = (id: number, body: unknown, headers: Record<string, string> = {}) =>
    api(`/api/unmapped/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { sources: [source] });
    const res = await api("/api/scrape?wait=true", { method: "POST" });
    expect(res.status).toBe(200);
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    it("GET /api/health reports the database and the scheduler", async () => {
      const health = healthSchema.parse(await getJson("/api/health"));
      expect(health).toMatchObject({ status: "ok", database: { kind, ok: true }, scheduler: { enabled: false, running: false } });
    });

    it("POST /api/scrape: 202 with runId, 409 naming it while it runs, 200 with the run when waiting", async () => {
      source.hold();
      const started = await api("/api/scrape", { method: "POST" });
      expect(started.status).toBe(202);
      const { runId } = (await started.json()) as { runId: number };
      expect(started.headers.get("location")).toBe(`/api/scrape/runs/${runId}`);
      const busyRes = await api("/api/scrape", { method: "POST" });
      const busy = (await busyRes.clone().json()) as { runId?: number };
      expect(busy.runId).toBe(runId);
      expect((await expectProblem(busyRes, 409)).detail).toContain(String(runId));
      expect(scrapeRunSchema.parse(await getJson(`/api/scrape/runs/${runId}`)).status).toBe("running");
      source.release();
      // Wait for it to finish, then a waited run returns the finished run.
      await waitFor(
        `run ${runId} to finish`,
        async () => scrapeRunSchema.parse(await getJson(`/api/scrape/runs/${runId}`)).status !== "running",
      );
      const waited = await api("/api/scrape?wait=true", { method: "POST" });
      expect(waited.status).toBe(200);
      const run = scrapeRunSchema.parse(await waited.json());
      expect(run).toMatchObject({ status: "completed", trigger: "manual" });
      expect(run.finishedAt).not.toBeNull();
      expect(run.markets).toBe(run.mapped + run.unmapped);
      expect(Object.keys(run.sources).sort()).toEqual(["bet9ja", "sportybet"]);
    });

    it("GET /api/scrape/runs lists newest first; unknown or malformed run ids are 404", async () => {
      const { items } = scrapeRunListSchema.parse(await getJson("/api/scrape/runs"));
      expect(items.length).toBeGreaterThanOrEqual(3);
      const ids = items.map((r) => r.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(scrapeRunSchema.parse(await getJson(`/api/scrape/runs/${ids[0]}`)).id).toBe(ids[0]);
      await expectProblem(await api("/api/scrape/runs/987654"), 404);
      await expectProblem(await api("/api/scrape/runs/abc"), 404);
      await expectProblem(await api("/api/scrape/runs?limit=0"), 400);
    });

    it("GET /api/unmapped pages through every market exactly once in a stable order", async () => {
      const all = await list("?pageSize=200");
      expect(all.total).toBeGreaterThan(20);
      const seen: number[] = [];
      for (let page = 1; (page - 1) * 7 < all.total; page++) {
        const p = await list(`?pageSize=7&page=${page}&sort=occurrenceCount&order=desc`);
        seen.push(...p.items.map((i) => i.id));
      }
      expect(seen).toHaveLength(all.total);
      expect(new Set(seen).size).toBe(all.total);
    });

    it("sorts by every sort key in both directions, ties broken by id", async () => {
      const key: Record<string, (i: UnmappedItem) => number> = {
        occurrenceCount: (i) => i.occurrenceCount,
        lastSeenAt: (i) => Date.parse(i.lastSeenAt),
        firstSeenAt: (i) => Date.parse(i.firstSeenAt),
        priority: (i) => i.priorityScore,
      };
      for (const [sort, value] of Object.entries(key)) {
        for (const order of ["asc", "desc"] as const) {
          const { items } = await list(`?sort=${sort}&order=${order}&pageSize=200`);
          const sign = order === "asc" ? 1 : -1;
          for (let i = 1; i < items.length; i++) {
            const d = (value(items[i]) - value(items[i - 1])) * sign;
            // priorityScore is rounded for display, so equal displayed scores may come in any id order
            expect(d, `${sort} ${order} at ${i}`).toBeGreaterThanOrEqual(sort === "priority" ? -0.001 : 0);
            if (d === 0 && sort !== "priority") expect((items[i].id - items[i - 1].id) * sign).toBeGreaterThan(0);
          }
        }
      }
    });

    it("filters by source, status (repeated or comma-separated), reason, minOccurrences and q", async () => {
      const all = (await list("?pageSize=200")).items;
      const sporty = await list("?source=sportybet&pageSize=200");
      expect(sporty.total).toBe(all.filter((i) => i.source === "sportybet").length);
      expect(sporty.items.every((i) => i.source === "sportybet")).toBe(true);

      const target = all[0];
      expect((await patch(target.id, { status: "IGNORED" })).status).toBe(200);
      const a = await list("?status=IGNORED&status=NEW&pageSize=200");
      const b = await list("?status=IGNORED,NEW&pageSize=200");
      expect(a.total).toBe(all.length);
      expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
      const ignored = await list("?status=IGNORED");
      expect(ignored.items.map((i) => i.id)).toEqual([target.id]);

      const reason = await list("?reason=UNKNOWN_MARKET&pageSize=200");
      expect(reason.items.every((i) => i.reason === "UNKNOWN_MARKET")).toBe(true);

      const threshold = Math.max(...all.map((i) => i.occurrenceCount));
      const frequent = await list(`?minOccurrences=${threshold}&pageSize=200`);
      expect(frequent.total).toBe(all.filter((i) => i.occurrenceCount >= threshold).length);

      const name = target.marketName.slice(0, 6).toUpperCase();
      const found = await list(`?q=${encodeURIComponent(name)}&pageSize=200`);
      expect(found.items.map((i) => i.id)).toContain(target.id);
      expect(found.items.every((i) => i.marketName.toUpperCase().includes(name) || i.externalMarketId.toUpperCase().includes(name))).toBe(
        true,
      );
      const byId = await list(`?q=${encodeURIComponent(target.externalMarketId)}`);
      expect(byId.items.map((i) => i.id)).toContain(target.id);
      expect((await list("?q=%25")).total).toBe(all.filter((i) => i.marketName.includes("%") || i.externalMarketId.includes("%")).length);
    });

    it("filters by several sources like by several statuses: repeated or comma-separated", async () => {
      const all = (await list("?pageSize=200")).items;
      const bet9ja = all.filter((i) => i.source === "bet9ja");
      expect(bet9ja.length).toBeGreaterThan(0);
      const repeated = await list("?source=sportybet&source=bet9ja&pageSize=200");
      const comma = await list("?source=bet9ja,sportybet&pageSize=200");
      expect(repeated.total).toBe(all.length);
      expect(comma.items.map((i) => i.id)).toEqual(repeated.items.map((i) => i.id));
      const one = await list("?source=bet9ja&pageSize=200");
      expect(one.items.map((i) => i.id)).toEqual(bet9ja.map((i) => i.id));
      const both = await list("?source=bet9ja,sportybet&status=NEW,IGNORED,ACKNOWLEDGED,MAPPED&q=a&pageSize=200");
      expect(both.total).toBe(all.filter((i) => /a/i.test(i.marketName) || /a/i.test(i.externalMarketId)).length);
      const bad = await expectProblem(await api("/api/unmapped?source=bet9ja,pinnacle"), 400);
      expect(bad.errors?.map((e) => e.field).join(" ")).toContain("query.source");
    });

    it("rejects a bad query with 400 and per-field errors", async () => {
      for (const [query, field] of [
        ["?pageSize=500", "query.pageSize"],
        ["?page=0", "query.page"],
        ["?sort=colour", "query.sort"],
        ["?order=up", "query.order"],
        ["?status=NEW,DONE", "query.status"],
        ["?source=betpawa", "query.source"],
        ["?minOccurrences=-1", "query.minOccurrences"],
        ["?colour=red", "query.colour"],
      ] as const) {
        const body = await expectProblem(await api(`/api/unmapped${query}`), 400);
        expect(body.errors?.map((e) => e.field).join(" "), query).toContain(field);
      }
    });

    it("GET /api/unmapped/{id} returns the detail with an ETag; unknown or malformed ids are 404", async () => {
      const [first] = (await list()).items;
      const res = await api(`/api/unmapped/${first.id}`);
      expect(res.status).toBe(200);
      const detail = unmappedDetailSchema.parse(await res.json());
      expect(res.headers.get("etag")).toBe(`"${detail.version}"`);
      expect(detail).toMatchObject({ id: first.id, externalMarketId: first.externalMarketId });
      expect(detail.sampleOutcomes.length).toBeGreaterThan(0);
      expect(detail.lastSeenAt).toMatch(/Z$/);
      for (const bad of ["99999999", "abc", "0", "-1", "1.5", "99999999999999999999"]) {
        await expectProblem(await api(`/api/unmapped/${bad}`), 404);
      }
    });

    it("PATCH changes status and notes, bumps the version; null clears notes", async () => {
      const [item] = (await list("?status=NEW")).items;
      const before = unmappedDetailSchema.parse(await getJson(`/api/unmapped/${item.id}`));
      const res = await patch(item.id, { status: "ACKNOWLEDGED", notes: "Player prop - betpawa doesn't offer" });
      expect(res.status).toBe(200);
      const after = unmappedDetailSchema.parse(await res.json());
      expect(after).toMatchObject({ status: "ACKNOWLEDGED", notes: "Player prop - betpawa doesn't offer", version: before.version + 1 });
      expect(unmappedDetailSchema.parse(await getJson(`/api/unmapped/${item.id}`))).toEqual(after);
      const cleared = unmappedDetailSchema.parse(await (await patch(item.id, { notes: null })).json());
      expect(cleared).toMatchObject({ status: "ACKNOWLEDGED", notes: null });
    });

    it("PATCH with bad input is 400 naming the field, 404 for unknown ids, 412 when stale, and changes nothing", async () => {
      const [item] = (await list()).items;
      const before = unmappedDetailSchema.parse(await getJson(`/api/unmapped/${item.id}`));
      const cases: [unknown, string][] = [
        [{ notes: "x".repeat(2001) }, "body.notes"],
        [{ status: "DONE" }, "body.status"],
        [{ status: "IGNORED", colour: "red" }, "body.colour"],
        [{ notes: 42 }, "body.notes"],
        ["{not json", "body"],
        [[1, 2], "body"],
      ];
      for (const [body, field] of cases) {
        const problem = await expectProblem(await patch(item.id, body), 400);
        expect(problem.errors?.map((e) => e.field).join(" "), JSON.stringify(body)).toContain(field);
      }
      await expectProblem(await patch(99999999, { status: "IGNORED" }), 404);
      await expectProblem(await patch(item.id, { status: "IGNORED" }, { "if-match": `"${before.version + 5}"` }), 412);
      await expectProblem(await patch(item.id, { status: "IGNORED" }, { "if-match": "garbage" }), 400);
      expect(unmappedDetailSchema.parse(await getJson(`/api/unmapped/${item.id}`))).toEqual(before);
      const ok = await patch(item.id, { status: "IGNORED" }, { "if-match": `"${before.version}"` });
      expect(ok.status).toBe(200);
    });

    it("serves an OpenAPI 3.1 document generated from the contract", async () => {
      const doc = (await getJson("/api/openapi.json")) as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/api/unmapped",
          "/api/unmapped/{id}",
          "/api/unmapped/{id}/map",
          "/api/unmapped/{id}/candidates",
          "/api/unmapped/{id}/history",
          "/api/mappings",
          "/api/mappings/{canonicalId}",
          "/api/mappings/{canonicalId}/history",
          "/api/audit",
          "/api/stats",
          "/api/scrape",
          "/api/scrape/runs",
          "/api/scrape/runs/{id}",
          "/api/health",
        ]),
      );
      const params = (doc.paths["/api/unmapped"].get as { parameters: { name: string }[] }).parameters.map((p) => p.name);
      expect(params).toEqual(
        expect.arrayContaining(["source", "status", "reason", "minOccurrences", "q", "sort", "order", "page", "pageSize"]),
      );
    });
  });
});
