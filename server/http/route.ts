// The one wrapper every app/api route handler is: parse params, query and body with the contract's
// zod schemas, call a service, map every error to problem+json in one place. Imports nothing that
// touches the database (services are reached through the runtime registry).
import type { z } from "zod";
import { log } from "@/server/log";
import { isRunInProgress, isScrapeStopped } from "@/server/scraping/errors";
import {
  badRequest,
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
  isHttpError,
  notFound,
  payloadTooLarge,
  type FieldError,
} from "./errors";
import { findUnsafeText } from "./input-text";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

interface RouteSpec<P, Q, B> {
  params?: P;
  query?: Q;
  body?: B;
}

interface Ctx<P, Q, B> {
  req: Request;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

type Handler<P, Q, B> = (ctx: Ctx<P, Q, B>) => Promise<Response | unknown> | Response | unknown;

const PROBLEM = "application/problem+json";

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim().slice(0, 300);

function problem(
  status: number,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail, ...extra }), {
    status,
    headers: { "content-type": PROBLEM, "cache-control": "no-store", ...headers },
  });
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(data), { ...init, headers });
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
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: RouteSpec<P, Q, B>, handler: Handler<P, Q, B>) {
  return async (req: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
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
        const raw = await readJson(req, maxBodyBytes());
        refuseUnsafeText(raw, "body");
        const parsed = spec.body.safeParse(raw);
        if (!parsed.success) throw badRequest("The request body is invalid", fieldErrors("body", parsed.error));
        body = parsed.data;
      }
      const out = await handler({ req, params, query, body } as Ctx<P, Q, B>);
      return out instanceof Response ? out : json(out);
    } catch (e) {
      if (isHttpError(e)) {
        const res = problem(e.status, e.title, e.message, { ...(e.errors ? { errors: e.errors } : {}), ...e.extra });
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
