// A fake SportyBet + Bet9ja on 127.0.0.1: the six routes of BOOKMAKER-API.md at their real paths
// (under an optional prefix), rendered from a FakeWorld a test can change at any time, with
// injectable faults, and a log of every request received so tests can check what was sent.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { BET9JA_PATHS } from "@/server/scraping/sources/bet9ja/source";
import { SPORTYBET_PATHS } from "@/server/scraping/sources/sportybet/source";
import { FaultBook, type FaultRule, type Route } from "./faults";
import type { FakeWorld } from "./model";
import { b1, b2, b3, bet9jaNotFound, s1, s2, s3, sportybetNotFound } from "./payloads";

interface RecordedRequest {
  route: Route | null;
  method: string;
  /** Path without the prefix. */
  path: string;
  query: Record<string, string>;
  /** The raw query string, to check encoding (`sr%3Amatch%3A1`). */
  rawQuery: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (S2), the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** Tournament, group or event id the request is about. */
  key: string | null;
  at: number;
  /** Which connection carried it (1 = the first accepted), to check keep-alive. */
  connection: number;
}

export interface FakeBookmakerOptions {
  world: FakeWorld;
  /** Mounts the API under this path, e.g. "/proxy", to check base URLs with a path. */
  prefix?: string;
  /** Gzip bodies for clients that accept it, as the real sites do. */
  gzip?: boolean;
  /** How long the fake keeps an idle keep-alive connection open (Node's default: 5 s). */
  keepAliveTimeoutMs?: number;
}

export interface FakeBookmaker {
  /** Base URL for both platforms (origin + prefix). */
  readonly url: string;
  world: FakeWorld;
  readonly requests: RecordedRequest[];
  /** Connections accepted so far. */
  readonly connections: number;
  /** Connections open now (idle keep-alive ones included). */
  readonly openConnections: number;
  /** Most requests being answered at one moment. */
  readonly maxInFlight: number;
  requestsTo(route: Route): RecordedRequest[];
  fault(rule: FaultRule): void;
  clearFaults(): void;
  /** Forgets requests, connections and the in-flight peak (faults stay). */
  resetLog(): void;
  close(): Promise<void>;
}

const gzip = promisify(zlib.gzip);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** S2 names its tournament as `tournamentId[0][0]` of the first array item (1.3). */
function tournamentOf(body: unknown): string | null {
  const first = Array.isArray(body) ? (body[0] as { tournamentId?: unknown } | undefined) : undefined;
  const ids = first?.tournamentId;
  const id = Array.isArray(ids) && Array.isArray(ids[0]) ? ids[0][0] : undefined;
  return typeof id === "string" ? id : null;
}

/** A route of the two APIs: its method and path, what names its request (tournament, group or event), and its answer. */
interface RouteSpec {
  method: "GET" | "POST";
  path: string;
  key: (query: URLSearchParams, body: unknown) => string | null;
  render: (world: FakeWorld, key: string) => unknown;
}

const unnamed = () => null;

const ROUTES: Record<Route, RouteSpec> = {
  S1: { method: "GET", path: SPORTYBET_PATHS.tree, key: unnamed, render: (world) => s1(world) },
  S2: { method: "POST", path: SPORTYBET_PATHS.events, key: (_, body) => tournamentOf(body), render: s2 },
  S3: { method: "GET", path: SPORTYBET_PATHS.event, key: (q) => q.get("eventId"), render: (w, key) => s3(w, key) ?? sportybetNotFound },
  B1: { method: "GET", path: BET9JA_PATHS.tree, key: unnamed, render: (world) => b1(world) },
  B2: { method: "GET", path: BET9JA_PATHS.events, key: (q) => q.get("GROUPID"), render: b2 },
  B3: { method: "GET", path: BET9JA_PATHS.event, key: (q) => q.get("EVENTID"), render: (w, key) => b3(w, key) ?? bet9jaNotFound },
};

/** The route serving a path (after the prefix), if any. */
const routeAt = (path: string | null): Route | null =>
  path === null ? null : ((Object.keys(ROUTES) as Route[]).find((r) => ROUTES[r].path === path) ?? null);

export async function startFakeBookmaker(options: FakeBookmakerOptions): Promise<FakeBookmaker> {
  const prefix = (options.prefix ?? "").replace(/\/+$/, "");
  const faults = new FaultBook();
  const requests: RecordedRequest[] = [];
  let connections = 0;
  let open = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  const server = http.createServer();
  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;
  const connectionIds = new WeakMap<object, number>();
  server.on("connection", (socket) => {
    connectionIds.set(socket, ++connections);
    open++;
    socket.on("close", () => open--);
  });

  server.on("request", (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void answer(req, res, Buffer.concat(chunks).toString("utf8")).catch(() => res.destroy());
    });
  });

  const send = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    text: string,
    contentType: string,
    headers: Record<string, string> = {},
  ) => {
    let body: Buffer = Buffer.from(text);
    if (options.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = await gzip(body);
      headers = { ...headers, "content-encoding": "gzip" };
    }
    res.writeHead(status, { "content-type": contentType, "content-length": String(body.length), ...headers });
    res.end(body);
  };

  const answer = async (req: http.IncomingMessage, res: http.ServerResponse, rawBody: string) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : null;
    const body = parseBody(rawBody);
    const route = routeAt(path);
    const key = route ? ROUTES[route].key(url.searchParams, body) : null;
    requests.push({
      route,
      method: req.method ?? "",
      path: path ?? url.pathname,
      query: Object.fromEntries(url.searchParams),
      rawQuery: url.search.replace(/^\?/, ""),
      headers: req.headers,
      body,
      key,
      at: Date.now(),
      connection: connectionIds.get(req.socket) ?? 0,
    });
    const json = (status: number, value: unknown, headers?: Record<string, string>) =>
      send(req, res, status, JSON.stringify(value), "application/json", headers);

    if (!route) return json(404, { error: "no such route" });
    if (req.method !== ROUTES[route].method) return json(405, { error: `use ${ROUTES[route].method}` });
    if (route === "S2" && key === null) return json(400, { bizCode: 4000, message: "tournamentId missing", data: null });

    const fault = faults.take(route, key);
    if (fault?.delayMs) await sleep(fault.delayMs);
    switch (fault?.kind) {
      case undefined:
      case "ok":
        return json(200, ROUTES[route].render(fake.world, key ?? ""));
      case "status":
        return send(
          req,
          res,
          fault.status,
          fault.body ?? JSON.stringify({ error: `status ${fault.status}` }),
          "application/json",
          fault.headers,
        );
      case "hang":
        return;
      case "reset":
        req.socket.destroy();
        return;
      case "raw":
        return send(req, res, fault.status ?? 200, fault.body, fault.contentType ?? "application/json");
      case "json":
        return json(fault.status ?? 200, fault.body);
    }
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeBookmaker = {
    url: `http://127.0.0.1:${port}${prefix}`,
    world: options.world,
    requests,
    get connections() {
      return connections;
    },
    get openConnections() {
      return open;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    requestsTo: (route) => requests.filter((r) => r.route === route),
    fault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    resetLog() {
      requests.length = 0;
      connections = 0;
      maxInFlight = inFlight;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
