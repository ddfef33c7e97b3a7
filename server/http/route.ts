// The one wrapper every app/api route handler is: parse params, query and body with the contract's
// zod schemas, call a service, map every error to problem+json in one place. Imports nothing that
// touches the database (services are reached through the runtime registry).
//
// Every route declares who may call it (`access`, required so a new route cannot forget it): the
// principal is resolved from the session cookie or the bearer token before anything is parsed,
// 401 without one, 403 when the role is too low; a cookie write must come from this app's origin
// (403), a token's requests are counted against API_TOKEN_RATE_PER_MINUTE (429), and a JSON body
// must say application/json (415: a form post cannot smuggle one in).
import type { z } from "zod";
import { roleAtLeast, type Principal, type Role } from "@/lib/contract/auth";
import { SYSTEM_ACTOR, type Actor } from "@/lib/contract/audit";
import { log } from "@/server/log";
import { isRunInProgress, isScrapeStopped } from "@/server/scraping/errors";
import {
  badRequest,
  DATABASE_RETRY_AFTER_SECONDS,
  forbidden,
  tooManyRequests,
  unauthorized,
  unsupportedMediaType,
  isDatabaseUnavailable,
  isHttpError,
  notFound,
  payloadTooLarge,
  type FieldError,
} from "./errors";
import { textResponse } from "./built-body";
import { findUnsafeText } from "./input-text";
import { sameOrigin } from "./origin";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Who may call a route: anyone, or at least this role. */
export type Access = "public" | Role;

interface RouteSpec<A extends Access, P, Q, B> {
  access: A;
  params?: P;
  query?: Q;
  body?: B;
}

interface Ctx<A extends Access, P, Q, B> {
  req: Request;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  /** Who is calling; null on public routes (they do not look). */
  principal: A extends "public" ? null : Principal;
  /** Who to record in the audit trail: the person or token; the system on public routes. */
  actor: Actor;
}

type Handler<A extends Access, P, Q, B> = (ctx: Ctx<A, P, Q, B>) => Promise<Response | unknown> | Response | unknown;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const actorOf = (p: Principal): Actor =>
  p.kind === "token" ? { type: "token", id: p.tokenId, name: p.name } : { type: "user", id: p.userId, name: p.name };

/** The access check: 401, 403 or 429 as an HttpError, else the principal (null on public routes). */
async function authorize(req: Request, access: Access): Promise<Principal | null> {
  const runtime = globalThis.__marketTriageRuntime;
  const unsafe = UNSAFE.has(req.method);
  if (access === "public") {
    // No credentials needed, but a browser on another site still may not post here (a first admin
    // created from someone else's page).
    if (unsafe && !sameOrigin(req.headers, new URL(req.url).host, runtime?.config.PUBLIC_URL, false))
      throw forbidden("Cross-site requests are refused");
    return null;
  }
  if (!runtime) throw unauthorized();
  const resolved = await runtime.auth.resolve(req.headers);
  if (!resolved) throw unauthorized();
  const { principal, via } = resolved;
  if (via === "cookie" && unsafe && !sameOrigin(req.headers, new URL(req.url).host, runtime.config.PUBLIC_URL, true)) {
    throw forbidden("A signed-in browser may change things only from this app's own pages (Origin or Sec-Fetch-Site)");
  }
  if (!roleAtLeast(principal.role, access)) throw forbidden(`This needs the ${access} role; ${principal.name} has ${principal.role}`);
  if (principal.tokenId) {
    const wait = await runtime.limits.apiRequest(principal.tokenId);
    if (wait !== null) throw tooManyRequests("This token has used its requests for this minute (API_TOKEN_RATE_PER_MINUTE)", wait);
  }
  return principal;
}

function requireJson(req: Request) {
  const type = (req.headers.get("content-type") ?? "").split(";", 1)[0].trim().toLowerCase();
  if (type !== "application/json") {
    throw unsupportedMediaType(`The body must be sent as application/json${type ? `, not ${type}` : " (no Content-Type was given)"}`);
  }
}

const PROBLEM = "application/problem+json";

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim().slice(0, 300);

/** A problem+json answer (RFC 9457), the one shape every API error takes. */
export function problem(
  status: number,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return textResponse(JSON.stringify({ type: "about:blank", title, status, detail, ...extra }), {
    status,
    headers: { "content-type": PROBLEM, "cache-control": "no-store", ...headers },
  });
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return textResponse(JSON.stringify(data), { ...init, headers });
}

/** 201: the resource just created, with its address (`collection`/its id) as Location. */
export const createdIn = (collection: string, resource: { id: string | number }) =>
  json(resource, { status: 201, headers: { location: `${collection}/${resource.id}` } });

/** 204 once `work` is done: a deletion has nothing to answer. */
export async function noContent(work: Promise<unknown>): Promise<Response> {
  await work;
  return new Response(null, { status: 204 });
}

function fieldErrors(prefix: string, error: z.ZodError): FieldError[] {
  return error.issues.map((i) => {
    // Unknown keys are reported on the object; name each key so the client can point at it.
    const keys = i.code === "unrecognized_keys" ? `.${(i as { keys: string[] }).keys.join(",")}` : "";
    return { field: [prefix, ...i.path.map(String)].join(".") + keys, message: i.message };
  });
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** Used only when a route runs without the server's runtime (never in production). */
const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/**
 * Reads the body as UTF-8 JSON, refusing it (413) as soon as it passes the limit. The custom
 * server already refuses a too-large Content-Length; this catches chunked uploads that declare none.
 */
async function readJson(req: Request, limit: number): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw payloadTooLarge(limit);
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("The request body must be UTF-8 text", [{ field: "body", message: "not valid UTF-8" }]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body must be a JSON object", [{ field: "body", message: "not valid JSON" }]);
  }
}

function refuseUnsafeText(value: unknown, prefix: "query" | "body") {
  const hit = findUnsafeText(value, prefix);
  if (hit) throw badRequest(`The ${prefix === "query" ? "query string" : "request body"} contains text that cannot be stored`, [hit]);
}

function maxBodyBytes(): number {
  return globalThis.__marketTriageRuntime?.config.API_MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES;
}

export function route<
  A extends Access,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: RouteSpec<A, P, Q, B>, handler: Handler<A, P, Q, B>) {
  return async (req: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const principal = await authorize(req, spec.access);
      let params: unknown = undefined;
      if (spec.params) {
        const parsed = spec.params.safeParse(await context.params);
        // A malformed id names nothing that exists: 404, not 400.
        if (!parsed.success) throw notFound(`${new URL(req.url).pathname}`);
        params = parsed.data;
      }
      let query: unknown = undefined;
      if (spec.query) {
        const raw = queryObject(new URL(req.url));
        refuseUnsafeText(raw, "query");
        const parsed = spec.query.safeParse(raw);
        if (!parsed.success) throw badRequest("The query string is invalid", fieldErrors("query", parsed.error));
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (spec.body) {
        requireJson(req);
        const raw = await readJson(req, maxBodyBytes());
        refuseUnsafeText(raw, "body");
        const parsed = spec.body.safeParse(raw);
        if (!parsed.success) throw badRequest("The request body is invalid", fieldErrors("body", parsed.error));
        body = parsed.data;
      }
      const actor = principal ? actorOf(principal) : SYSTEM_ACTOR;
      const out = await handler({ req, params, query, body, principal, actor } as Ctx<A, P, Q, B>);
      return out instanceof Response ? out : json(out);
    } catch (e) {
      if (isHttpError(e)) {
        const res = problem(e.status, e.title, e.message, { ...(e.errors ? { errors: e.errors } : {}), ...e.extra }, e.headers);
        // The rest of a refused upload is never read: close rather than let the client reuse a
        // connection with its unread bytes still in it.
        if (e.status === 413) res.headers.set("connection", "close");
        return res;
      }
      if (isScrapeStopped(e)) {
        return problem(503, "Service Unavailable", e.message, {}, { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) });
      }
      if (isRunInProgress(e)) {
        return problem(409, "Conflict", e.message, { runId: e.runId });
      }
      if (isDatabaseUnavailable(e)) {
        // Logged in one line (an outage fails many requests); the body says nothing internal.
        log.warn(`[api] ${req.method} ${new URL(req.url).pathname}: database unavailable: ${oneLine(e)}`);
        return problem(
          503,
          "Service Unavailable",
          "The database is not answering; try again shortly.",
          {},
          { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
        );
      }
      log.error(`[api] ${req.method} ${new URL(req.url).pathname} failed:`, e);
      return problem(500, "Internal Server Error", "The server could not complete the request; it has been logged.");
    }
  };
}
