// /api/auth/*: better-auth's own endpoints (sign-in, sign-out, session), answered by the library's
// handler and dispatched here by the custom server beside the OpenAPI routes (the library owns
// these paths and their shapes; the product's routes around them are /api/setup, /api/me,
// /api/tokens and /api/users). Only the endpoints a person needs are reachable: the admin and
// api-key plugins' own HTTP endpoints would change people and tokens without the product's rules,
// audit and cache invalidation, so they answer 404 and the product's routes are the way in.
// Around the library: sign-in is limited per IP and per account (429 + Retry-After), a write with
// the session cookie must come from this app's origin, errors become problem+json, and every
// sign-in, failed or not, is audited.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import { AuditService } from "@/server/audit/audit-service";
import type { Runtime } from "@/server/runtime";
import { log } from "@/server/log";
import { requestOf, send } from "./api-dispatch";
import { clientIp, sameOrigin } from "./origin";
import { problem } from "./route";

const ENDPOINTS = new Set([
  "POST /sign-in/email",
  "POST /sign-out",
  "GET /get-session",
  "POST /change-password",
  "GET /list-sessions",
  "POST /revoke-session",
  "POST /revoke-sessions",
  "POST /revoke-other-sessions",
]);
/** After these, the cached sessions may be stale: forget them here and in the other processes. */
const SESSIONS_CHANGED = new Set(["/sign-out", "/change-password", "/revoke-session", "/revoke-sessions", "/revoke-other-sessions"]);
const MAX_SIGNIN_BODY = 16_384;

/** better-auth answers errors as { code, message }: the same problem+json as every other route instead. */
async function asProblem(res: Response): Promise<Response> {
  if (res.status < 400 || !(res.headers.get("content-type") ?? "").includes("json")) return res;
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  const headers = Object.fromEntries(
    [...res.headers].filter(([k]) => k !== "content-type" && k !== "content-length" && k !== "set-cookie"),
  );
  const out = problem(
    res.status,
    STATUS_CODES[res.status] ?? "Error",
    body.message ?? "The request was refused",
    body.code ? { code: body.code } : {},
    headers,
  );
  for (const c of res.headers.getSetCookie()) out.headers.append("set-cookie", c);
  return out;
}

async function readText(req: Request, limit: number): Promise<string | null> {
  const buf = await req.arrayBuffer();
  return buf.byteLength > limit ? null : new TextDecoder().decode(buf);
}

export function createAuthDispatcher(runtime: Runtime) {
  const { auth, limits, config } = runtime;
  async function answer(req: IncomingMessage, method: string, endpoint: string): Promise<Response> {
    if (!ENDPOINTS.has(`${method} ${endpoint}`)) return problem(404, "Not Found", `No auth endpoint ${method} /api/auth${endpoint}`);
    let request = requestOf(req, method);
    const hasSession = (request.headers.get("cookie") ?? "").includes("session_token");
    if (method !== "GET" && !sameOrigin(request.headers, new URL(request.url).host, config.PUBLIC_URL, hasSession)) {
      return problem(403, "Forbidden", "Cross-site requests are refused");
    }
    if (endpoint !== "/sign-in/email") {
      const res = await auth.library.handler(request);
      if (res.ok && SESSIONS_CHANGED.has(endpoint)) await auth.revoked({});
      return res;
    }
    const text = await readText(request, MAX_SIGNIN_BODY);
    if (text === null) return problem(413, "Content Too Large", `A sign-in body may be at most ${MAX_SIGNIN_BODY} bytes`);
    let email: string | null = null;
    try {
      const parsed = JSON.parse(text) as { email?: unknown };
      if (typeof parsed.email === "string") email = parsed.email.trim().toLowerCase();
    } catch {
      return problem(400, "Bad Request", "The request body must be a JSON object", {
        errors: [{ field: "body", message: "not valid JSON" }],
      });
    }
    const ip = clientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], config.TRUST_PROXY);
    const wait = await limits.signIn(ip, email);
    if (wait !== null) {
      return problem(429, "Too Many Requests", "Too many sign-in attempts; try again later", {}, { "retry-after": String(wait) });
    }
    request = new Request(request.url, { method, headers: request.headers, body: text });
    const res = await auth.library.handler(request);
    if (res.ok) {
      const body = (await res.clone().json()) as { user?: { id: string; name: string } };
      if (email) await limits.signedIn(email);
      if (body.user) {
        await AuditService.record(runtime.db.prisma, {
          entityType: "user",
          entityId: body.user.id,
          action: "signed_in",
          actor: { type: "user", id: body.user.id, name: body.user.name },
          reason: `from ${ip}`,
        });
      }
    } else {
      await AuditService.record(runtime.db.prisma, {
        entityType: "user",
        entityId: (email ?? "(none)").slice(0, 254),
        action: "sign_in_failed",
        actor: { type: "system", id: null, name: "system" },
        reason: `from ${ip}: ${res.status}`,
      });
    }
    return res;
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const method = (req.method ?? "GET").toUpperCase();
    const endpoint = (req.url ?? "").split(/[?#]/, 1)[0].slice("/api/auth".length).replace(/\/+$/, "");
    void (async () => {
      try {
        const response = await asProblem(await answer(req, method, endpoint));
        await send(req, res, response, method === "HEAD");
      } catch (e) {
        log.error(`[auth] ${method} /api/auth${endpoint} failed:`, e);
        if (res.headersSent) return void res.destroy();
        const r = problem(500, "Internal Server Error", "The server could not complete the request; it has been logged.");
        await send(req, res, r, false).catch(() => res.destroy());
      }
    })();
  };
}
