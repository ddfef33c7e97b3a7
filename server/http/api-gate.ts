// The custom server's first look at every HTTP request, before Next.js sees it. It answers what
// Next would otherwise turn into a plain-text 500, an HTML page or a buffered giant body:
// - a path that is not valid percent-encoding (Next's router throws on it) -> 400;
// - a body declared larger than the limit -> 413, before a byte of it is read;
// - under /api: a path no route serves -> 404, a method the route does not serve -> 405 with
//   Allow, OPTIONS -> 204 with Allow. All as problem+json.
// The route table is the OpenAPI document's paths, so a route that is not documented cannot be
// reached either; `api-gate.test.ts` checks that every app/api route file is in the document.
import type { IncomingMessage, ServerResponse } from "node:http";
import { openApiDocument } from "@/lib/contract/openapi";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface ApiRoute {
  pattern: RegExp;
  allow: string[];
}

/** `/api/unmapped/{id}` -> /^\/api\/unmapped\/[^/]+$/ with the methods the document lists for it. */
function apiRoutes(paths: Record<string, object> = openApiDocument().paths ?? {}): ApiRoute[] {
  return Object.entries(paths).map(([template, item]) => {
    const source = template
      .split("/")
      .map((seg) => (/^\{.+\}$/.test(seg) ? "[^/]+" : seg.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
      .join("/");
    const listed = METHODS.filter((m) => m in item).map((m) => m.toUpperCase());
    // HEAD is answered wherever GET is (Node and Next do that for us); OPTIONS always.
    const allow = [...new Set([...listed, ...(listed.includes("GET") ? ["HEAD"] : []), "OPTIONS"])];
    return { pattern: new RegExp(`^${source}/?$`), allow };
  });
}

function problem(res: ServerResponse, status: number, title: string, detail: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ type: "about:blank", title, status, detail });
  res.writeHead(status, {
    "content-type": "application/problem+json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** A pathname that decodes as UTF-8 percent-encoding, segment by segment. */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * What Node answers a request it cannot parse (bad framing, header too large): the same problem+json
 * as everything else instead of Node's empty 400, then the connection is closed.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: import("node:stream").Duplex): void {
  if (!socket.writable || (err as { code?: string }).code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const title = tooLarge ? "Request Header Fields Too Large" : "Bad Request";
  const body = JSON.stringify({ type: "about:blank", title, status, detail: "The request is not valid HTTP/1.1" });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

export interface ApiGate {
  /** Answers the request itself and returns true, or returns false to hand it on to Next. */
  (req: IncomingMessage, res: ServerResponse): boolean;
}

export function createApiGate(maxBodyBytes: number, routes: ApiRoute[] = apiRoutes()): ApiGate {
  return (req, res) => {
    const rawUrl = req.url ?? "/";
    const pathname = rawUrl.split(/[?#]/, 1)[0];
    const isApi = pathname === "/api" || pathname.startsWith("/api/");
    // The query string is decoded leniently (URLSearchParams), so only the path can throw.
    if (!decodable(pathname)) {
      if (!isApi) {
        res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad Request: the address is not valid percent-encoding\n");
        return true;
      }
      problem(res, 400, "Bad Request", "The request path is not valid percent-encoding (e.g. %ZZ or an overlong UTF-8 sequence)");
      return true;
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      // Not reading the body: closing the connection after the answer stops the client's upload.
      res.setHeader("connection", "close");
      problem(res, 413, "Content Too Large", `The request body may be at most ${maxBodyBytes} bytes; this one declares ${declared}`);
      return true;
    }
    if (!isApi) return false;
    const match = routes.find((r) => r.pattern.test(pathname));
    if (!match) {
      problem(res, 404, "Not Found", `No API route at ${pathname}; the routes are listed in /api/openapi.json`);
      return true;
    }
    const method = (req.method ?? "GET").toUpperCase();
    if (method === "OPTIONS") {
      res.writeHead(204, { allow: match.allow.join(", "), "cache-control": "no-store" }).end();
      return true;
    }
    if (!match.allow.includes(method)) {
      problem(res, 405, "Method Not Allowed", `${method} is not supported at ${pathname}; use ${match.allow.join(", ")}`, {
        allow: match.allow.join(", "),
      });
      return true;
    }
    return false;
  };
}
