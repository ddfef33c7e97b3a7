// The limits and the cookie, against the real server: sign-in attempts per client IP and API
// requests per token end in 429 problem+json with Retry-After (another IP, another token and a
// session go on), X-Forwarded-For names the client only with TRUST_PROXY, a token's first use is
// recorded as its lastUsedAt, and the session cookie is HttpOnly and SameSite=Lax everywhere and
// Secure only over https (a trusted proxy's X-Forwarded-Proto, or an https PUBLIC_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiToken } from "@/lib/contract/auth";
import { okBody, problemBody } from "@/server/testing/answers";
import { createToken, signIn, TEST_ADMIN } from "@/server/testing/auth";
import { available, DB_KINDS } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";

const PER_IP = 3;
const PER_TOKEN = 4;
const WINDOW_SECONDS = 600;

/** One sign-in attempt as a browser would send it, `headers` naming the client through a proxy. */
const attempt = (url: string, creds: { email: string; password: string }, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, ...headers },
    body: JSON.stringify({ email: creds.email, password: creds.password }),
  });

/** Each Set-Cookie's attributes, lower case, by cookie name. */
const cookieAttributes = (res: Response) =>
  Object.fromEntries(
    res.headers.getSetCookie().map((c) => {
      const [pair, ...attributes] = c.split(";").map((s) => s.trim());
      return [pair.split("=", 1)[0], attributes.map((a) => a.toLowerCase())];
    }),
  );

/** The session cookie's attributes: present, HttpOnly and SameSite=Lax whatever the scheme. */
function sessionCookie(res: Response): string[] {
  const cookies = cookieAttributes(res);
  const name = Object.keys(cookies).find((n) => n.endsWith("session_token"));
  expect(name, `a session cookie among ${Object.keys(cookies).join(", ")}`).toBeDefined();
  for (const attributes of Object.values(cookies)) expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
  return cookies[name!];
}

const expectRetryAfter = (res: Response, max: number) => {
  const seconds = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= max, `Retry-After ${res.headers.get("retry-after")}`).toBe(true);
};

describe.each(DB_KINDS)("limits and the session cookie behind a trusted proxy on %s", (kind) => {
  let server: TestServer;
  let setup: Response;
  let cookie: string;

  beforeAll(async () => {
    if (!available(kind)) return;
    // Nobody exists yet: the first admin is made through /api/setup, reached over https through the proxy.
    server = await startTestServer(kind, {
      env: {
        ADMIN_EMAIL: "",
        ADMIN_PASSWORD: "",
        TRUST_PROXY: "true",
        SIGNIN_LIMIT_PER_IP: String(PER_IP),
        SIGNIN_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
        API_TOKEN_RATE_PER_MINUTE: String(PER_TOKEN),
      },
    });
    setup = await fetch(`${server.url}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.1" },
      body: JSON.stringify(TEST_ADMIN),
    });
    expect(setup.status).toBe(201);
    cookie = await signIn(server.url);
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    it("sign-in attempts past the per-IP limit are 429 with Retry-After, even with the right password; another IP signs in", async () => {
      const from = { "x-forwarded-for": "203.0.113.7, 10.0.0.1" };
      for (let i = 0; i < PER_IP; i++) {
        const res = await attempt(server.url, { email: `guess-${i}-${kind}@example.test`, password: "wrong-password" }, from);
        expect(res.status, `attempt ${i + 1}`).toBe(401);
      }
      const limited = await attempt(server.url, TEST_ADMIN, from);
      await problemBody(limited.clone(), 429);
      expectRetryAfter(limited, WINDOW_SECONDS);
      expect((await attempt(server.url, TEST_ADMIN, { "x-forwarded-for": "203.0.113.8" })).status).toBe(200);
    });

    it("API requests past a token's per-minute limit are 429 with Retry-After; another token and the session go on", async () => {
      const [spent, other] = [await createToken(server.url, "viewer", cookie, "spent"), await createToken(server.url, "viewer", cookie)];
      const me = (token: string) => fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      for (let i = 0; i < PER_TOKEN; i++) await okBody(await me(spent.token));
      const limited = await me(spent.token);
      const problem = await problemBody(limited.clone(), 429);
      expect(problem.detail).toContain("API_TOKEN_RATE_PER_MINUTE");
      expectRetryAfter(limited, 60);
      await okBody(await me(other.token));
      await okBody(await fetch(`${server.url}/api/me`, { headers: { cookie } }));
    });

    it("a token's first use is recorded as its lastUsedAt", async () => {
      const { id, token } = await createToken(server.url, "viewer", cookie, "used once");
      const listed = async () => {
        const { items } = (await okBody(await fetch(`${server.url}/api/tokens`, { headers: { cookie } }))) as { items: ApiToken[] };
        return items.find((t) => t.id === id)!;
      };
      expect((await listed()).lastUsedAt).toBeNull();
      const before = Date.now();
      await okBody(await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } }));
      const after = Date.now();
      const used = Date.parse((await listed()).lastUsedAt ?? "");
      // Stored to the millisecond; a second either side allows for a database that rounds.
      expect(used).toBeGreaterThanOrEqual(before - 1000);
      expect(used).toBeLessThanOrEqual(after + 1000);
    });

    it("over plain http the session cookie is HttpOnly and SameSite=Lax, not Secure", async () => {
      const res = await attempt(server.url, TEST_ADMIN, { "x-forwarded-for": "203.0.113.20" });
      expect(res.status).toBe(200);
      expect(sessionCookie(res)).not.toContain("secure");
    });

    it("reached over https through the trusted proxy, every cookie is Secure too: sign-in and the first admin's setup", async () => {
      const res = await attempt(server.url, TEST_ADMIN, { "x-forwarded-for": "203.0.113.21", "x-forwarded-proto": "https" });
      expect(res.status).toBe(200);
      expect(sessionCookie(res)).toContain("secure");
      for (const attributes of Object.values(cookieAttributes(res))) expect(attributes).toContain("secure");
      expect(sessionCookie(setup)).toContain("secure");
      for (const attributes of Object.values(cookieAttributes(setup))) expect(attributes).toContain("secure");
    });
  });
});

describe("an https PUBLIC_URL, no trusted proxy", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { env: { PUBLIC_URL: "https://triage.example.test", SIGNIN_LIMIT_PER_IP: String(PER_IP) } });
  });
  afterAll(async () => server?.close());

  it("makes the session cookie Secure (and __Secure- named), HttpOnly and SameSite=Lax", async () => {
    const res = await attempt(server.url, TEST_ADMIN);
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).toContain("secure");
    expect(Object.keys(cookieAttributes(res))).toContain("__Secure-better-auth.session_token");
  });

  it("counts sign-in attempts by the socket's address: a client cannot spread them over X-Forwarded-For values", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP; i++) {
      const res = await attempt(
        server.url,
        { email: `spread-${i}@example.test`, password: "wrong-password" },
        { "x-forwarded-for": `192.0.2.${i}` },
      );
      statuses.push(res.status);
      if (res.status === 429) expectRetryAfter(res, 900);
    }
    // The server's own sign-in at start spent one attempt of 127.0.0.1's budget already.
    expect(statuses).toContain(429);
  });
});
