// Tests authenticate the way a person or a tool does, through the product's own front door: the
// first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD at start, a person signs in with
// POST /api/auth/sign-in/email (a cookie), a tool sends an API token made with POST /api/tokens.
// There is no bypass in the product for tests to use.
import type { Role } from "@/lib/contract/auth";
import type { Actor } from "@/lib/contract/audit";

export const TEST_ADMIN = { name: "Test Admin", email: "admin@example.test", password: "correct-horse-battery" } as const;

/** The environment a test server starts with: its first admin, a fixed secret, and sign-in limits tests do not trip by accident. */
export const TEST_AUTH_ENV: Record<string, string> = {
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
  ADMIN_NAME: TEST_ADMIN.name,
  BETTER_AUTH_SECRET: "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
  SIGNIN_LIMIT_PER_IP: "10000",
};

/** Who a service called directly in a test acts as (what the audit trail records). */
export const TEST_ACTOR: Actor = { type: "user", id: "test-user", name: "Test User" };

/** Signs in with email and password; the Cookie header value for the new session. */
export async function signIn(baseUrl: string, creds: { email: string; password: string } = TEST_ADMIN): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email: creds.email, password: creds.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${creds.email} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";", 1)[0])
    .join("; ");
}

/** An API token of `role`, made by the signed-in `cookie` (the test admin's when not given); the bearer secret. */
export async function createToken(
  baseUrl: string,
  role: Role,
  cookie?: string,
  name = `test ${role}`,
): Promise<{ id: string; token: string }> {
  const res = await fetch(`${baseUrl}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, cookie: cookie ?? (await signIn(baseUrl)) },
    body: JSON.stringify({ name, role }),
  });
  if (res.status !== 201) throw new Error(`creating a ${role} token failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; token: string };
  return { id: body.id, token: body.token };
}

/** fetch against `baseUrl` with the bearer token. */
export function bearerFetch(baseUrl: () => string, token: () => string) {
  return (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("authorization")) headers.set("authorization", `Bearer ${token()}`);
    return fetch(`${baseUrl()}${path}`, { ...init, headers });
  };
}

const adminTokens = new Map<string, Promise<string>>();

/** fetch(`${baseUrl}${path}`) as the test admin's API token (made once per server address), for servers started as processes. */
export async function adminFetch(baseUrl: string, path: string, init: RequestInit = {}): Promise<Response> {
  let token = adminTokens.get(baseUrl);
  if (!token) {
    token = createToken(baseUrl, "admin").then((t) => t.token);
    adminTokens.set(baseUrl, token);
    token.catch(() => adminTokens.delete(baseUrl));
  }
  const secret = await token;
  return bearerFetch(
    () => baseUrl,
    () => secret,
  )(path, init);
}
