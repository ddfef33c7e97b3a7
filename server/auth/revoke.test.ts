// What must take effect at once: a revoked token and a disabled person are refused on their next
// request and their open Socket.IO connections are closed; sockets need credentials and this
// app's origin; sign-in is limited per account (429 + Retry-After); the first admin is made once.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken, signIn, TEST_ADMIN } from "@/server/testing/auth";
import { available, DB_KINDS } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { waitFor } from "@/server/testing/wait";

const connect = (url: string, opts: { token?: string; cookie?: string; origin?: string }) =>
  new Promise<Socket>((resolve, reject) => {
    const headers = { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.origin ? { origin: opts.origin } : {}) };
    const socket = io(url, {
      transports: ["websocket"],
      reconnection: false,
      auth: opts.token ? { token: opts.token } : {},
      extraHeaders: headers,
    });
    socket.once("connection_ack", () => resolve(socket));
    socket.once("connect_error", (e) => {
      socket.close();
      reject(e);
    });
  });

describe.each(DB_KINDS)("revoke, disable, limits on %s", (kind) => {
  let server: TestServer;
  const json = (body: unknown) => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  beforeAll(async () => {
    if (available(kind)) server = await startTestServer(kind, { env: { SIGNIN_LIMIT_PER_ACCOUNT: "3" } });
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    it("a revoked token is refused on its next request and its socket is closed", async () => {
      const { id, token } = await createToken(server.url, "viewer");
      const me = () => fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect((await me()).status).toBe(200);
      const socket = await connect(server.url, { token });
      const res = await server.fetch(`/api/tokens/${id}`, { method: "DELETE" });
      expect(res.status).toBe(204);
      expect((await me()).status).toBe(401);
      await waitFor("the revoked token's socket to close", () => !socket.connected);
      expect((await server.fetch(`/api/tokens/${id}`, { method: "DELETE" })).status).toBe(404);
    });

    it("a disabled person's session and tokens stop at once, their socket closes, and they cannot sign in", async () => {
      const person = { name: "Vera Viewer", email: `vera-${kind}@example.test`, role: "triager", password: "vera-password-1" };
      const created = await server.fetch("/api/users", { method: "POST", ...json(person) });
      expect(created.status).toBe(201);
      const { id: userId } = (await created.json()) as { id: string };
      const cookie = await signIn(server.url, person);
      const { token } = await createToken(server.url, "triager", cookie);
      const asCookie = () => fetch(`${server.url}/api/me`, { headers: { cookie } });
      const asToken = () => fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect((await asCookie()).status).toBe(200);
      expect((await asToken()).status).toBe(200);
      const socket = await connect(server.url, { cookie, origin: server.url });

      const disabled = await server.fetch(`/api/users/${userId}`, { method: "PATCH", ...json({ disabled: true }) });
      expect(disabled.status).toBe(200);
      expect((await disabled.json()) as { disabled: boolean }).toMatchObject({ disabled: true });
      expect((await asCookie()).status).toBe(401);
      expect((await asToken()).status).toBe(401);
      await waitFor("the disabled person's socket to close", () => !socket.connected);
      await expect(signIn(server.url, person)).rejects.toThrow(/403/);

      const actions = (await (await server.fetch(`/api/audit?entityType=user&entityId=${userId}`)).json()) as {
        items: { action: string }[];
      };
      expect(actions.items.map((a) => a.action)).toEqual(expect.arrayContaining(["user_created", "signed_in", "user_disabled"]));
    });

    it("the last active admin can be neither demoted nor disabled (409)", async () => {
      const me = (await (await server.fetch("/api/me")).json()) as { userId: string };
      for (const change of [{ role: "viewer" }, { disabled: true }]) {
        const res = await server.fetch(`/api/users/${me.userId}`, { method: "PATCH", ...json(change) });
        expect(res.status).toBe(409);
      }
    });

    it("a token's role is at most its creator's (403)", async () => {
      const person = { name: "Tim Triager", email: `tim-${kind}@example.test`, role: "triager", password: "tim-password-12" };
      expect((await server.fetch("/api/users", { method: "POST", ...json(person) })).status).toBe(201);
      await expect(createToken(server.url, "admin", await signIn(server.url, person))).rejects.toThrow(/403/);
    });

    it("sockets need credentials and this app's origin", async () => {
      await expect(connect(server.url, {})).rejects.toThrow("authentication required");
      await expect(connect(server.url, { token: server.token, origin: "https://evil.example" })).rejects.toThrow();
      (await connect(server.url, { token: server.token, origin: server.url })).close();
    });

    it("sign-in attempts past the per-account limit are 429 with Retry-After", async () => {
      const attempt = () =>
        fetch(`${server.url}/api/auth/sign-in/email`, {
          method: "POST",
          ...json({ email: `nobody-${kind}@example.test`, password: "wrong-password" }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("content-type")).toContain("application/problem+json");
    });

    it("setup: the first admin exists, so GET says so and POST is 409", async () => {
      expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needsAdmin: false });
      const res = await fetch(`${server.url}/api/setup`, { method: "POST", ...json(TEST_ADMIN) });
      expect(res.status).toBe(409);
    });
  });
});

describe("first-admin setup", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { env: { ADMIN_EMAIL: "", ADMIN_PASSWORD: "" } });
  });
  afterAll(async () => server?.close());

  it("POST /api/setup creates the first admin and signs them in, once", async () => {
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needsAdmin: true });
    const body = JSON.stringify({ name: "First", email: "first@example.test", password: "first-password" });
    const post = () => fetch(`${server.url}/api/setup`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const created = a.status === 201 ? a : b;
    const cookie = created.headers
      .getSetCookie()
      .map((c) => c.split(";", 1)[0])
      .join("; ");
    expect(created.headers.getSetCookie().join()).toMatch(/HttpOnly/i);
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ kind: "user", role: "admin", email: "first@example.test" });
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needsAdmin: false });
  });
});
