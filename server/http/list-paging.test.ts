// Cursor paging over HTTP, on both databases: the Link header (present while there is more, with
// every other parameter kept; absent at the end), nextCursor, page/pageSize unchanged, and the 400s:
// cursor with page, a garbled or tampered cursor, one made for another sort or other filters.
// Every list route is walked to its end by following Link alone.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemSchema } from "@/lib/contract/common";
import { unmappedListSchema } from "@/lib/contract/unmapped";
import { createToken } from "@/server/testing/auth";
import { available, DB_KINDS } from "@/server/testing/databases";
import { seedMarkets } from "@/server/testing/seed";
import { startTestServer, type TestServer } from "@/server/testing/server";

const MARKETS = 130;

/** An item's identity in any list (mappings: canonicalId and origin; the timeline: its kind and id); other fields may move (lastUsedAt). */
const identity = (i: unknown) => {
  const x = i as Record<string, { id?: unknown } | unknown>;
  return JSON.stringify([x.id, x.canonicalId, x.origin, x.kind, (x.comment as { id?: unknown })?.id, (x.event as { id?: unknown })?.id]);
};

/** The next link's target from a Link header, or null. */
const nextOf = (link: string | null) => link?.match(/^<([^>]+)>; rel="next"$/)?.[1] ?? null;

describe.each(DB_KINDS)("list paging over HTTP on %s", (kind) => {
  let server: TestServer;
  // A webhook receiver (outside the machine in real life) that takes every delivery.
  let receiver: Server;
  const hooks: string[] = [];

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { env: { SCRAPE_INTERVAL_SECONDS: "0", WEBHOOK_ALLOW_PRIVATE: "true" } });
    receiver = createServer((req, res) => req.resume().on("end", () => res.writeHead(204).end()));
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await seedMarkets(server.runtime.db, MARKETS);
    for (const role of ["viewer", "triager"] as const) await createToken(server.url, role);
    // A few of every kind of row, so each list has more than one answer of two.
    const post = async (path: string, body: unknown) => {
      const res = await server.fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(res.status, path).toBeLessThan(300);
      return (await res.json().catch(() => null)) as { id?: string } | null;
    };
    for (let i = 0; i < 3; i++) {
      await post("/api/users", { name: `Person ${i}`, email: `p${i}@example.test`, role: "viewer", password: "temporary-password-1" });
      await post("/api/views", { name: `View ${i}`, query: { status: "NEW" }, shared: i === 1 });
      await post("/api/scrape?wait=true", {});
      hooks.push(String((await post("/api/webhooks", { url: `${hookUrl}/${i}`, events: ["scrape.failed"] }))?.id));
    }
    // Three deliveries to the first endpoint, one to the second (the cursor of one is refused by the other).
    for (const hook of [hooks[0], hooks[0], hooks[0], hooks[1]]) await post(`/api/webhooks/${hook}/test`, {});
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(null)));
  });

  describe.skipIf(!available(kind))("", () => {
    const get = async (path: string) => {
      const res = await server.fetch(path);
      return { res, body: (await res.json()) as Record<string, unknown> };
    };

    it("follows Link to the end, keeping the filters; the last answer has no Link and nextCursor null", async () => {
      const ids: number[] = [];
      let path: string | null = "/api/unmapped?status=NEW&sort=firstSeenAt&order=asc&limit=25";
      let answers = 0;
      let link: string | null = null;
      while (path) {
        const { res, body } = await get(path);
        expect(res.status).toBe(200);
        const page = unmappedListSchema.parse(body);
        ids.push(...page.items.map((i) => i.id));
        link = res.headers.get("link");
        path = nextOf(link);
        if (path) {
          const next = new URL(path, server.url).searchParams;
          expect(Object.fromEntries(next)).toMatchObject({ status: "NEW", sort: "firstSeenAt", order: "asc", limit: "25" });
          expect(next.get("cursor")).toBe(page.nextCursor);
        } else expect(page.nextCursor).toBeNull();
        answers++;
      }
      const { body: all } = await get("/api/unmapped?status=NEW&sort=firstSeenAt&order=asc&page=1&pageSize=200");
      expect(ids).toEqual((all.items as { id: number }[]).map((i) => i.id));
      expect(answers).toBe(Math.ceil(ids.length / 25));
      expect(link).toBeNull();
    });

    it("page and pageSize answer as before (no Link), and cannot be mixed with cursor or limit", async () => {
      const { res, body } = await get("/api/unmapped?page=2&pageSize=10");
      expect(res.status).toBe(200);
      expect(res.headers.get("link")).toBeNull();
      expect(body).toMatchObject({ page: 2, pageSize: 10, nextCursor: null });
      const mixed = await get("/api/unmapped?page=2&limit=10");
      expect(mixed.res.status).toBe(400);
      const fields = problemSchema.parse(mixed.body).errors?.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["query.limit", "query.page"]));
    });

    it("a garbled, tampered or foreign cursor is a 400 naming query.cursor, never a 500", async () => {
      const first = await get("/api/unmapped?sort=occurrenceCount&limit=5");
      const cursor = String(first.body.nextCursor);
      const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString()) as { k: unknown[] };
      const tamper = (k: unknown[]) => Buffer.from(JSON.stringify({ ...decoded, k })).toString("base64url");
      const bad = [
        "not a cursor!",
        "bm90IGpzb24",
        Buffer.from("[1,2]").toString("base64url"),
        tamper(["yesterday", 1]),
        tamper([1]),
        tamper([1, 2, 3]),
        tamper([1.5, 2]),
      ];
      for (const c of bad) {
        const { res, body } = await get(`/api/unmapped?sort=occurrenceCount&limit=5&cursor=${encodeURIComponent(c)}`);
        expect(res.status, c).toBe(400);
        expect(problemSchema.parse(body).errors?.map((e) => e.field)).toEqual(["query.cursor"]);
      }
      const otherSort = await get(`/api/unmapped?sort=lastSeenAt&limit=5&cursor=${cursor}`);
      expect(otherSort.res.status).toBe(400);
      expect(String(otherSort.body.detail)).toContain("sort");
      const otherFilter = await get(`/api/unmapped?sort=occurrenceCount&status=NEW&limit=5&cursor=${cursor}`);
      expect(otherFilter.res.status).toBe(400);
      expect(String(otherFilter.body.detail)).toContain("filters");
      const same = await get(`/api/unmapped?sort=occurrenceCount&limit=5&cursor=${cursor}`);
      expect(same.res.status).toBe(200);
      expect(same.body.page).toBe(0);
    });

    it("a webhook list's cursor is checked before SQL: a bad key, or another endpoint's deliveries cursor, is a 400", async () => {
      const deliveries = (hook: string) => `/api/webhooks/${hook}/deliveries?limit=1`;
      const first = await get(deliveries(hooks[0]));
      const cursor = String(first.body.nextCursor);
      const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString()) as { k: unknown[] };
      const tamper = (k: unknown[]) => Buffer.from(JSON.stringify({ ...decoded, k })).toString("base64url");
      for (const c of [tamper(["abc"]), tamper([5]), tamper(["99999999999999999999"]), tamper(["0"])]) {
        const { res, body } = await get(`${deliveries(hooks[0])}&cursor=${c}`);
        expect(res.status, c).toBe(400);
        expect(problemSchema.parse(body).errors?.map((e) => e.field)).toEqual(["query.cursor"]);
      }
      const foreign = await get(`${deliveries(hooks[1])}&cursor=${cursor}`);
      expect(foreign.res.status).toBe(400);
      expect(String(foreign.body.detail)).toContain("filters");
      const hookCursor = String((await get("/api/webhooks?limit=1")).body.nextCursor);
      const hookKey = JSON.parse(Buffer.from(hookCursor, "base64url").toString()) as { k: unknown[] };
      const notUuid = Buffer.from(JSON.stringify({ ...hookKey, k: [hookKey.k[0], "not-a-uuid"] })).toString("base64url");
      const refused = await get(`/api/webhooks?limit=1&cursor=${notUuid}`);
      expect(refused.res.status).toBe(400);
      expect(problemSchema.parse(refused.body).errors?.map((e) => e.field)).toEqual(["query.cursor"]);
    });

    it("every other list pages by cursor and Link too", async () => {
      const id = (await get("/api/unmapped?limit=1")).body.items as { id: number }[];
      const market = id[0].id;
      // Some history and comments to page through.
      for (let i = 0; i < 3; i++) {
        const patch = await server.fetch(`/api/unmapped/${market}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ notes: `note ${i}` }),
        });
        expect(patch.status).toBe(200);
        const comment = await server.fetch(`/api/unmapped/${market}/comments`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ body: `comment ${i}` }),
        });
        expect(comment.status).toBe(201);
      }
      const lists = [
        "/api/audit",
        `/api/unmapped/${market}/history`,
        `/api/unmapped/${market}/comments`,
        `/api/unmapped/${market}/activity`,
        "/api/mappings?sort=bet9jaKey&order=desc",
        "/api/mappings/1x2_ft/history",
        "/api/scrape/runs",
        "/api/tokens",
        "/api/users",
        "/api/people",
        "/api/views",
        "/api/webhooks",
        `/api/webhooks/${hooks[0]}/deliveries`,
      ];
      for (const list of lists) {
        const whole = await get(`${list}${list.includes("?") ? "&" : "?"}limit=200`);
        expect(whole.res.status, list).toBe(200);
        const expected = (whole.body.items as unknown[]).map(identity);
        const walked: string[] = [];
        let path: string | null = `${list}${list.includes("?") ? "&" : "?"}limit=2`;
        let answers = 0;
        while (path) {
          answers++;
          const { res, body } = await get(path);
          expect(res.status, path).toBe(200);
          walked.push(...(body.items as unknown[]).map(identity));
          path = nextOf(res.headers.get("link"));
          expect(body.nextCursor ?? null, path ?? list).toBe(path ? new URL(path, server.url).searchParams.get("cursor") : null);
        }
        console.log(`[paging] ${list}: ${walked.length} items`);
        expect(walked, list).toEqual(expected);
        // Two per answer, so a list that ignored limit (one answer of everything) cannot pass.
        expect(answers, list).toBe(Math.max(1, Math.ceil(expected.length / 2)));
      }
    });
  });
});
