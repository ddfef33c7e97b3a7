// Bad input of every kind, over real HTTP against the real server on both databases: it is a 4xx
// problem+json naming the field, never a 500, never an HTML page, and it changes nothing. The
// fuzz part sends a few hundred seeded random requests to every documented route.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemSchema } from "@/lib/contract/common";
import { openApiDocument } from "@/lib/contract/openapi";
import { unmappedDetailSchema, unmappedListSchema } from "@/lib/contract/unmapped";
import { PROJECT_DIR } from "@/server/app-server";
import { available, DB_KINDS } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";

/** Every app/api route file as an OpenAPI path template with the methods it exports. */
function routeFiles(): { template: string; methods: string[] }[] {
  const root = path.join(PROJECT_DIR, "app");
  const out: { template: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(root, path.dirname(full)).split(path.sep);
        const template = "/" + rel.map((seg) => seg.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/");
        const methods = [...fs.readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
        out.push({ template, methods });
      }
    }
  };
  walk(path.join(root, "api"));
  return out;
}

/** Sends a request with exactly these bytes in the path (fetch would normalise some). */
function raw(url: string, method: string, rawPath: string, headers: Record<string, string> = {}, body?: string | Buffer) {
  const u = new URL(url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: rawPath, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the route table", () => {
  it("documents every app/api route file and each method it exports", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      expect(paths[f.template], `${f.template} is not in the OpenAPI document`).toBeDefined();
      for (const m of f.methods) expect(paths[f.template][m.toLowerCase()], `${m} ${f.template} is not documented`).toBeDefined();
    }
  });

  it("documents the answers every operation can give: 503 when the database is down, 413 where a body is read", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    for (const [p, item] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.responses[503], `${method} ${p}: 503`).toBeDefined();
        if (op.requestBody) expect(op.responses[413], `${method} ${p}: 413`).toBeDefined();
      }
    }
  });
});

describe.each(DB_KINDS)("bad input on %s", (kind) => {
  let server: TestServer;
  let marketId: number;
  let version: number;
  const api = (p: string, init?: RequestInit) => server.fetch(p, init);
  const json = (method: string, body: unknown) => ({
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const expectProblem = async (res: Response | { status: number; headers: http.IncomingHttpHeaders; body: string }, status: number) => {
    expect(res.status).toBe(status);
    const type = res instanceof Response ? res.headers.get("content-type") : res.headers["content-type"];
    expect(type).toContain("application/problem+json");
    const body = problemSchema.parse(res instanceof Response ? await res.json() : JSON.parse(res.body));
    expect(body.status).toBe(status);
    return body;
  };

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { env: { API_MAX_BODY_BYTES: "65536" } });
    expect((await api("/api/scrape?wait=true", { method: "POST" })).status).toBe(200);
    const list = unmappedListSchema.parse(await (await api("/api/unmapped?pageSize=1")).json());
    marketId = list.items[0].id;
    version = unmappedDetailSchema.parse(await (await api(`/api/unmapped/${marketId}`)).json()).version;
  });
  afterAll(async () => server?.close());

  const unchanged = async () => {
    const market = unmappedDetailSchema.parse(await (await api(`/api/unmapped/${marketId}`)).json());
    expect(market.version).toBe(version);
  };

  describe.skipIf(!available(kind))("", () => {
    it("malformed percent-encoding in a path is 400 problem+json for the API and a plain 400 for pages", async () => {
      for (const p of ["/api/unmapped/%ZZ", "/api/mappings/%C0%AF/history", "/api/unmapped/%E0%A4%A/history", "/api/%"]) {
        const detail = (await expectProblem(await raw(server.url, "GET", p), 400)).detail;
        expect(detail).toMatch(/percent-encoding/);
      }
      const page = await raw(server.url, "GET", "/unmapped/%ZZ");
      expect(page.status).toBe(400);
      expect(page.body).toMatch(/percent-encoding/);
    });

    it("NUL and unpaired surrogates in query or body text are 400 naming the field, and change nothing", async () => {
      const cases: [string, RequestInit | undefined, string][] = [
        ["/api/unmapped?q=%00", undefined, "query.q"],
        ["/api/unmapped?q=a%00b", undefined, "query.q"],
        ["/api/audit?actor=%00", undefined, "query.actor"],
        ["/api/audit?entityId=x%00", undefined, "query.entityId"],
        ["/api/mappings?q=%00", undefined, "query.q"],
        [`/api/unmapped/${marketId}`, json("PATCH", { notes: "bad\u0000note" }), "body.notes"],
        [`/api/unmapped/${marketId}`, json("PATCH", '{"notes":"lone \\ud800 surrogate"}'), "body.notes"],
        [`/api/unmapped/${marketId}`, json("PATCH", { status: "IGNORED", reason: "why\u0000" }), "body.reason"],
        ["/api/mappings", json("POST", { canonicalId: "nul_test", name: "N\u0000", sportybetId: "1", outcomes: [] }), "body.name"],
        [`/api/unmapped/${marketId}/map`, json("POST", { canonicalId: "nul_map", name: "x\u0000", betpawaId: "1" }), "body.name"],
        [
          `/api/mappings/nul_test`,
          json("PATCH", { outcomes: [{ canonicalId: "a", betpawaName: "\udc00", sportybetDesc: null, bet9jaSuffix: null, position: 0 }] }),
          "body.outcomes.0.betpawaName",
        ],
      ];
      for (const [p, init, field] of cases) {
        const problem = await expectProblem(await api(p, init), 400);
        expect(
          problem.errors?.map((e) => e.field),
          p,
        ).toContain(field);
      }
      await unchanged();
      expect((await api("/api/mappings/nul_test")).status).toBe(404);
      expect((await api("/api/mappings/nul_map")).status).toBe(404);
    });

    it("unknown API paths are 404 and unsupported methods 405 with Allow, as problem+json", async () => {
      for (const p of ["/api", "/api/nope", "/api/unmapped/1/nope", "/api/unmapped/1/map/extra", "/api/health/x"]) {
        await expectProblem(await api(p), 404);
        await expectProblem(await api(p, { method: "POST" }), 404);
      }
      const del = await api("/api/unmapped", { method: "DELETE" });
      await expectProblem(del, 405);
      expect(del.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      const put = await api(`/api/unmapped/${marketId}`, { method: "PUT", body: "{}" });
      await expectProblem(put, 405);
      expect(put.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS", "PATCH"]);
      const options = await api("/api/scrape", { method: "OPTIONS" });
      expect(options.status).toBe(204);
      expect(options.headers.get("allow")).toBe("POST, OPTIONS");
      // Pages stay Next's own (an HTML 404 page for a person).
      expect((await api("/no-such-page")).headers.get("content-type")).toContain("text/html");
    });

    it("a body over the limit is 413 before it is read, declared or chunked, and changes nothing", async () => {
      // Declares 200 MB and sends none of it: the answer comes from the headers alone.
      const declared = await raw(server.url, "PATCH", `/api/unmapped/${marketId}`, {
        "content-type": "application/json",
        authorization: `Bearer ${server.token}`,
        "content-length": String(200 * 1024 * 1024),
      });
      expect((await expectProblem(declared, 413)).detail).toMatch(/at most 65536 bytes/);
      // Chunked, no length: refused once the limit is passed.
      const big = JSON.stringify({ notes: "x".repeat(200_000) });
      const chunked = await api(`/api/unmapped/${marketId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode(big));
            c.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
      await expectProblem(chunked, 413);
      // Invalid UTF-8 is a 400, not a 500.
      const badUtf8 = await raw(
        server.url,
        "PATCH",
        `/api/unmapped/${marketId}`,
        { "content-type": "application/json", authorization: `Bearer ${server.token}` },
        Buffer.from([0x7b, 0x22, 0x6e, 0x6f, 0x74, 0x65, 0x73, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
      );
      expect(badUtf8.status).toBe(400);
      await unchanged();
    });

    it("a seeded fuzz of every documented route never gets a 500 and always gets JSON (or what the document declares)", async () => {
      let seed = 20261201;
      const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
      const nasty = [
        "",
        "%00",
        "%ZZ",
        "-1",
        "0",
        "1e309",
        "NaN",
        "99999999999",
        "%C0%AF",
        "%E2%80%AE",
        "a".repeat(300),
        "<script>",
        "null",
        "[]",
        "%7B%7D",
        "ALL",
        "new",
        "%F0%9F%92%A9",
      ];
      const bodies = [
        "{",
        "[]",
        "null",
        '"x"',
        "{}",
        '{"status":"MAPPED"}',
        '{"notes":1}',
        '{"notes":"\\u0000"}',
        '{"status":"NEW","x":1}',
        '{"canonicalId":"A B"}',
        '{"outcomes":[{}]}',
        JSON.stringify({ notes: "ok" }),
      ];
      const paths = Object.entries(openApiDocument().paths as Record<string, Record<string, unknown>>);
      const statuses = new Map<number, number>();
      for (let i = 0; i < 300; i++) {
        const [template, item] = pick(paths);
        const method = pick(Object.keys(item)).toUpperCase();
        if (template === "/api/scrape") continue; // starting scrapes is not input handling
        const p = template.replace(/\{[^}]+\}/g, () => pick([String(marketId), "1", "nul_test", ...nasty]));
        const query = Array.from(
          { length: Math.floor(rnd() * 3) },
          () => `${pick(["q", "page", "pageSize", "status", "sort", "order", "source", "actor", "limit", "x"])}=${pick(nasty)}`,
        ).join("&");
        const res = await raw(
          server.url,
          method,
          `${p}${query ? `?${query}` : ""}`,
          { "content-type": "application/json", authorization: `Bearer ${server.token}` },
          method === "GET" ? undefined : pick(bodies),
        );
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${method} ${p}?${query} -> ${res.status}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        // A trailing slash is redirected to the canonical path (Next's own rule); everything else answers in JSON,
        // except an answer the document declares in another type (the CSV export's 200).
        const declared = Object.keys(
          (item[method.toLowerCase()] as { responses?: Record<string, { content?: object }> }).responses?.[res.status]?.content ?? {},
        );
        const expected = declared.length && !declared.some((t) => t.includes("json")) ? new RegExp(declared.join("|")) : /json/;
        if (res.status === 308) expect(res.headers.location).toBeTruthy();
        else expect(String(res.headers["content-type"]), `${method} ${p}?${query} -> ${res.status}`).toMatch(expected);
      }
      console.log(`[fuzz ${kind}] statuses:`, Object.fromEntries([...statuses].sort()));
    });
  });
});
