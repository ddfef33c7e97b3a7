// Access on every route, from the OpenAPI document itself: for EVERY operation, no credentials is
// 401 (unless public) and each role is let through or refused (403) exactly as its x-required-role
// says, so a new route without a rule fails here. Then the request-level defences: cookie writes
// from another origin, a form's text/plain body, a Host this server does not answer for.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleAtLeast, ROLES, type Role } from "@/lib/contract/auth";
import { openApiDocument } from "@/lib/contract/openapi";
import { createToken, signIn } from "@/server/testing/auth";
import { available, DB_KINDS } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";

type Access = "public" | Role;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Every documented operation with its declared role and a concrete path. */
const operations = Object.entries(openApiDocument().paths ?? {}).flatMap(([template, item]) =>
  METHODS.filter((m) => item && m in item).map((m) => {
    const op = (item as Record<string, { "x-required-role"?: Access }>)[m];
    return { method: m.toUpperCase(), template, path: template.replace(/\{[^}]+\}/g, "1"), access: op["x-required-role"] };
  }),
);

describe.each(DB_KINDS)("access on %s", (kind) => {
  let server: TestServer;
  const tokens = {} as Record<Role, string>;
  let cookie: string;

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind);
    for (const role of ROLES) tokens[role] = (await createToken(server.url, role)).token;
    cookie = await signIn(server.url);
  });
  afterAll(async () => server?.close());

  it("every operation declares its required role", () => {
    expect(operations.length).toBeGreaterThan(20);
    for (const op of operations) expect(["public", ...ROLES], `${op.method} ${op.template}`).toContain(op.access);
  });

  describe.skipIf(!available(kind))("", () => {
    it.each(operations)("$method $template ($access)", async ({ method, path, access }) => {
      const anonymous = await fetch(`${server.url}${path}`, { method });
      await anonymous.arrayBuffer();
      if (access === "public") expect(anonymous.status).not.toBe(401);
      else {
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
      }
      for (const role of ROLES) {
        const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${tokens[role]}` } });
        await res.arrayBuffer();
        if (access === "public" || roleAtLeast(role, access!)) expect([401, 403], `${role} ${method} ${path}`).not.toContain(res.status);
        else expect(res.status, `${role} ${method} ${path}`).toBe(403);
      }
    });

    it("an unknown or malformed bearer token is 401", async () => {
      for (const token of ["mt_nope", "not-a-token", ""]) {
        const res = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(401);
      }
    });

    it("a cookie write from another origin is 403; from the app's own origin it goes through", async () => {
      const body = JSON.stringify({ notes: "x" });
      const write = (headers: Record<string, string>) =>
        fetch(`${server.url}/api/unmapped/999999`, {
          method: "PATCH",
          headers: { cookie, "content-type": "application/json", ...headers },
          body,
        });
      expect((await write({ origin: "https://evil.example" })).status).toBe(403);
      expect((await write({ "sec-fetch-site": "cross-site" })).status).toBe(403);
      expect((await write({})).status, "no Origin nor Sec-Fetch-Site: not from a page of this app").toBe(403);
      expect((await write({ origin: server.url })).status).toBe(404);
      expect((await write({ "sec-fetch-site": "same-origin" })).status).toBe(404);
    });

    it("a bearer write is not cookie-bound: accepted whatever the Origin", async () => {
      const res = await fetch(`${server.url}/api/unmapped/999999`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${tokens.triager}`, origin: "https://evil.example", "content-type": "application/json" },
        body: JSON.stringify({ notes: "x" }),
      });
      expect(res.status).toBe(404);
    });

    it("a text/plain body is 415 problem+json", async () => {
      const res = await server.fetch("/api/mappings", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
      expect(res.status).toBe(415);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    });

    it("a Host this server does not answer for is 421, for the API and for pages", async () => {
      const port = new URL(server.url).port;
      for (const path of ["/api/health", "/", "/socket.io/?EIO=4&transport=polling"]) {
        const status = await new Promise<number>((resolve, reject) => {
          const req = http.request({ host: "127.0.0.1", port, path, headers: { host: `evil.example:${port}` } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on("error", reject);
          req.end();
        });
        expect(status, path).toBe(421);
      }
    });
  });
});
