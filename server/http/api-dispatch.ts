// Serves /api/* from the route handlers in app/api/**/route.ts, called directly by the custom
// server instead of through Next.js. A route handler is a plain `(Request, { params }) => Response`
// function wrapped by route(); Next adds nothing an API call needs, but it costs more than the call
// itself: about 1.5 ms of the server thread per request (routing, rewrites, async contexts, web
// streams) against 0.2 ms for /api/health's own work, so under 32 concurrent clients the API queued
// behind Next's bookkeeping. Pages still go to Next.
//
// The route table is the OpenAPI document's paths (like the request gate's), each mapped to its file
// by the App Router's folder convention (`/api/unmapped/{id}` -> app/api/unmapped/[id]/route.ts), so
// a documented route without a handler fails the start, and the files are still what Next builds.
// Loaded in the server's own module graph, a handler shares the server's singletons.
import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { createGzip, gzip as gzipCallback } from "node:zlib";
import { openApiDocument } from "@/lib/contract/openapi";
import { log } from "@/server/log";
import { CLIENT_IP_HEADER } from "@/server/auth/client-ip";
import { builtText } from "./built-body";
import { clientIp, viaHttpsProxy } from "./origin";

const gzipBuffer = promisify(gzipCallback);

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;

interface LoadedRoute {
  template: string;
  pattern: RegExp;
  /** The template's parameter names, in the order of the pattern's groups. */
  names: string[];
  handlers: Partial<Record<string, RouteHandler>>;
}

const HANDLER_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** `/api/unmapped/{id}/map` -> `app/api/unmapped/[id]/map/route.ts`. */
function routeFile(appDir: string, template: string): string {
  const segments = template
    .split("/")
    .filter(Boolean)
    .map((s) => s.replace(/^\{(.+)\}$/, "[$1]"));
  return path.join(appDir, ...segments, "route.ts");
}

/** Imports every documented route's handlers; a documented route without its file stops the start. */
export async function loadApiRoutes(appDir: string, paths: Record<string, object> = openApiDocument().paths ?? {}): Promise<LoadedRoute[]> {
  const routes: LoadedRoute[] = [];
  for (const template of Object.keys(paths)) {
    const file = routeFile(appDir, template);
    if (!fs.existsSync(file)) throw new Error(`The API route ${template} is documented but ${path.relative(appDir, file)} does not exist`);
    const mod = (await import(/* turbopackIgnore: true */ pathToFileURL(file).href)) as Record<string, unknown>;
    const handlers: LoadedRoute["handlers"] = {};
    for (const m of HANDLER_METHODS) if (typeof mod[m] === "function") handlers[m] = mod[m] as RouteHandler;
    const names: string[] = [];
    const source = template
      .split("/")
      .map((seg) => {
        const param = /^\{(.+)\}$/.exec(seg);
        if (!param) return seg.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
        names.push(param[1]);
        return "([^/]+)";
      })
      .join("/");
    routes.push({ template, pattern: new RegExp(`^${source}$`), names, handlers });
  }
  return routes;
}

const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/)/;
/** Answers the route helpers build whole in memory (json(), problems); a CSV export is streamed. */
const BUILT_IN_MEMORY = /^application\/(json|problem\+json)/;

export function requestOf(req: IncomingMessage, method: string): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  // Only the server says who the client is: a client's own value of this header is dropped.
  const trustProxy = globalThis.__marketTriageRuntime?.config.TRUST_PROXY ?? false;
  headers.set(CLIENT_IP_HEADER, clientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy));
  const host = /^[A-Za-z0-9.:[\]-]+$/.test(req.headers.host ?? "") ? req.headers.host : "localhost";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${host}${req.url ?? "/"}`, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
}

export async function send(req: IncomingMessage, res: ServerResponse, response: Response, head: boolean): Promise<void> {
  res.statusCode = response.status;
  // The same protections pages get (next.config.mjs): an API answer is never framed or sniffed.
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("referrer-policy", "strict-origin-when-cross-origin");
  for (const [k, v] of response.headers) if (k !== "set-cookie") res.setHeader(k, v);
  let cookies = response.headers.getSetCookie();
  // Reached over https through a trusted proxy: no cookie (a session from sign-in or /api/setup)
  // may then travel over plain http. With an https PUBLIC_URL the library marks them itself.
  if (viaHttpsProxy(req.headers["x-forwarded-proto"], globalThis.__marketTriageRuntime?.config.TRUST_PROXY ?? false)) {
    cookies = cookies.map((c) => (/;\s*secure\s*(;|$)/i.test(c) ? c : `${c}; Secure`));
  }
  if (cookies.length) res.setHeader("set-cookie", cookies);
  const body = response.body;
  if (head || !body) {
    await body?.cancel().catch(() => undefined);
    res.end();
    return;
  }
  const type = response.headers.get("content-type") ?? "";
  const gzip =
    COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && !res.hasHeader("content-encoding");
  if (gzip) {
    res.setHeader("content-encoding", "gzip");
    res.setHeader("vary", "Accept-Encoding");
    res.removeHeader("content-length");
  }
  // A JSON answer is one string already (built-body.ts): sent with its length in one write, not as
  // a chunked stream read back out of the Response (a write per chunk and one more for the end).
  const text = builtText(response) ?? (BUILT_IN_MEMORY.test(type) ? await response.text() : undefined);
  if (text !== undefined) {
    // zlib works on libuv's thread pool: compressing does not hold the event loop.
    const out = gzip ? await gzipBuffer(text) : text;
    res.setHeader("content-length", typeof out === "string" ? Buffer.byteLength(out) : out.length);
    res.end(out);
    return;
  }
  if (gzip) {
    await pipeline(Readable.fromWeb(body as never), createGzip(), res);
    return;
  }
  const reader = body.getReader();
  res.once("close", () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve));
  }
  res.end();
}

/**
 * Answers an /api request the gate let through (a documented path and method, a decodable path).
 * A trailing slash is redirected to the path without it (308), as Next does.
 */
export function createApiDispatcher(routes: LoadedRoute[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? "/";
    const q = url.search(/[?#]/);
    const pathname = q === -1 ? url : url.slice(0, q);
    if (pathname.length > 1 && pathname.endsWith("/")) {
      const location = pathname.replace(/\/+$/, "") + (q === -1 ? "" : url.slice(q));
      res.writeHead(308, { location }).end();
      return;
    }
    const method = (req.method ?? "GET").toUpperCase();
    let params: Record<string, string> | null = null;
    let handler: RouteHandler | undefined;
    for (const r of routes) {
      const m = r.pattern.exec(pathname);
      if (!m) continue;
      params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      handler = r.handlers[method === "HEAD" ? "GET" : method];
      break;
    }
    void (async () => {
      try {
        // The gate answered unknown paths and methods already; this is a route file that lost a handler.
        if (!params || !handler) throw new Error(`no handler for ${method} ${pathname}`);
        const response = await handler(requestOf(req, method), { params: Promise.resolve(params) });
        await send(req, res, response, method === "HEAD");
      } catch (e) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        // The client went away (a navigation cancels its fetches): nothing failed on our side.
        if (req.destroyed || res.destroyed) {
          log.debug(`[api] ${method} ${pathname}: the client closed the connection before the answer`);
          return;
        }
        log.error(`[api] ${method} ${pathname} failed before a response:`, e);
        const body = JSON.stringify({
          type: "about:blank",
          title: "Internal Server Error",
          status: 500,
          detail: "The server could not complete the request; it has been logged.",
        });
        res.writeHead(500, { "content-type": "application/problem+json", "cache-control": "no-store" }).end(body);
      }
    })();
  };
}
