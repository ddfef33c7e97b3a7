// Builds the whole process: database and migrations, services, the HTTP server shared by Next.js
// and Socket.IO, and the scrape scheduler. main.ts runs it; integration tests start it in-process.
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import next from "next";
import type { Config } from "./config";
import { openDatabase, pingWithin, type Database } from "./db/client";
import { LOCKS } from "./db/locks";
import { migrate } from "./db/migrate";
import { EmbeddedMaintainer, maintainEmbedded } from "./db/maintenance";
import { Announcer } from "./alerts/announcer";
import { DiscoveryService, type ShutdownReport } from "./discovery/discovery-service";
import { TriageService } from "./discovery/triage-service";
import { BulkService } from "./triage/bulk-service";
import { TrendService } from "./triage/trend";
import { UndoService } from "./triage/undo-service";
import { MappingService } from "./mapping/mapping-service";
import { CandidateService } from "./mapping/candidate-service";
import { PriceCheckService } from "./pricing/map-check";
import { SnapshotPrices } from "./pricing/snapshot-prices";
import { MapMarketService } from "./mapping/map-market";
import { UnmapMarketService } from "./mapping/unmap-market";
import { AuditService } from "./audit/audit-service";
import { AuthService } from "./auth/auth-service";
import { PeopleService } from "./auth/people-service";
import { RateLimits } from "./auth/rate-limits";
import { resolveAuthSecret } from "./auth/secret";
import { TokenService } from "./auth/token-service";
import { StatsService } from "./discovery/stats-service";
import { tapPublisher } from "./realtime/publisher";
import { attachRealtime } from "./realtime/socket";
import { setRuntime, type Runtime } from "./runtime";
import { RunStore } from "./scraping/run-store";
import { PriceSnapshot } from "./snapshot/snapshot";
import { CoverageService } from "./coverage/coverage-service";
import { CoverageWatch } from "./coverage/coverage-watch";
import { ScrapeController } from "./scraping/scrape-controller";
import { buildSources } from "./scraping/sources";
import { log, setLogLevel } from "./log";
import { answerClientError, createApiGate } from "./http/api-gate";
import { createApiDispatcher, loadApiRoutes } from "./http/api-dispatch";
import { createAuthDispatcher } from "./http/auth-dispatch";
import { allowedHosts, hostAllowed, sameOrigin } from "./http/origin";
import { processFaults } from "./process-faults";
import type { Source } from "./scraping/types";
import { ActivityService } from "./triage-social/activity";
import { CommentService } from "./triage-social/comments";
import { PeopleDirectory } from "./triage-social/people";
import { ViewService } from "./triage-social/views";
import { AlertRuleService } from "./alerts/rule-service";
import { WebhookDispatcher } from "./webhooks/dispatcher";
import { WebhookService } from "./webhooks/endpoint-service";
import { WebhookOutbox } from "./webhooks/outbox";

const MAPPINGS_CHANGED = "market_triage_mappings_changed";

export const PROJECT_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export interface StartOptions {
  /** Replaces the sources SOURCES names (tests use a seeded demo or a fake bookmaker). */
  sources?: Source[];
  /** Next.js dev mode (hot reload) instead of serving the production build. */
  dev?: boolean;
  log?: (msg: string) => void;
}

export interface StartedServer {
  url: string;
  port: number;
  runtime: Runtime;
  /** Resolves with what could not be written to the database (main.ts turns it into the exit code). */
  stop(): Promise<ShutdownReport>;
}

function databaseTarget(config: Config) {
  if (config.DATABASE_URL) {
    const timeouts = {
      connectMs: config.DB_CONNECT_TIMEOUT_MS,
      statementMs: config.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: config.DB_IDLE_TX_TIMEOUT_MS,
    };
    return { url: config.DATABASE_URL, timeouts, prepare: config.DATABASE_PREPARED_STATEMENTS };
  }
  if (config.DATA_DIR === "memory://") return { memory: true as const };
  return { dataDir: config.dataDir };
}

/**
 * DNS rebinding: a page on another name that resolves here must not reach the app. Checked where
 * every request and upgrade enters, before Socket.IO, Next or the API see it: 421 problem+json.
 */
function refuseMisdirected(server: http.Server, misdirected: (host: string | undefined) => boolean): void {
  const answer = (host: string | undefined) => {
    const body = JSON.stringify({
      type: "about:blank",
      title: "Misdirected Request",
      status: 421,
      detail: `This server does not answer for the host ${JSON.stringify(host ?? "")}: add it to ALLOWED_HOSTS or PUBLIC_URL`,
    });
    return {
      body,
      headers: {
        "content-type": "application/problem+json",
        "cache-control": "no-store",
        "content-length": String(Buffer.byteLength(body)),
      },
    };
  };
  const emit = server.emit.bind(server) as (event: string, ...args: unknown[]) => boolean;
  server.emit = ((event: string, ...args: unknown[]) => {
    if (event === "request" || event === "upgrade") {
      const req = args[0] as http.IncomingMessage;
      if (misdirected(req.headers.host)) {
        const { body, headers } = answer(req.headers.host);
        if (event === "request") (args[1] as http.ServerResponse).writeHead(421, headers).end(body);
        else {
          const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
          (args[1] as Duplex).end(`HTTP/1.1 421 Misdirected Request\r\n${lines.join("\r\n")}\r\nconnection: close\r\n\r\n${body}`);
        }
        return true;
      }
    }
    return emit(event, ...args);
  }) as typeof server.emit;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<StartedServer> {
  const info = options.log ?? ((m: string) => log.info(m));
  setLogLevel(config.LOG_LEVEL);
  // Before the database: a PostgreSQL start without a secret stops here, with nothing opened.
  const secret = resolveAuthSecret(config);
  const db: Database = await openDatabase(databaseTarget(config));
  let limits: RateLimits | undefined;
  try {
    const applied = await migrate(db);
    if (applied.length) info(`[db] applied migrations: ${applied.join(", ")}`);
    // An embedded database's plans from its first page on, not only after the first run, and the
    // old row versions an earlier process left cleared (PGlite runs no autovacuum).
    await maintainEmbedded(db);

    const httpServer = http.createServer();
    const hosts = allowedHosts(config);
    const misdirected = (host: string | undefined) => !hostAllowed(hosts, host);
    refuseMisdirected(httpServer, misdirected);
    const auth = new AuthService(db, secret);
    limits = await RateLimits.create(config);
    const realtime = await attachRealtime(httpServer, config.REDIS_URL, {
      refuse(req) {
        const headers = new Headers({ origin: req.headers.origin ?? "" });
        if (req.headers.origin && !sameOrigin(headers, req.headers.host ?? "", config.PUBLIC_URL, false)) return "origin not allowed";
        return null;
      },
      authenticate: async (headers, token) => (await auth.resolve(headers, token))?.principal ?? null,
    });
    // Events are written in the transactions of the changes that cause them; the dispatcher sends them.
    const outbox = new WebhookOutbox(db);
    await outbox.start();
    const dispatcher = new WebhookDispatcher(db, outbox, config);
    // Every process reloads its mapping cache when any process changes a mapping.
    const mappings = new MappingService(db.prisma, () => db.notify(MAPPINGS_CHANGED), outbox);
    await db.listen(MAPPINGS_CHANGED, () => void mappings.reload().catch((e) => log.error("[mappings] reload failed:", e)));
    await mappings.reload();
    // The address chat messages link to: PUBLIC_URL, else the bound address once listening.
    let publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    const announcer = new Announcer(db, realtime, { wake: () => outbox.written(), publicUrl: () => publicUrl });
    const discovery = new DiscoveryService(db, realtime, {
      maxPending: config.RECORDER_MAX_PENDING,
      spillDir: config.spillDir,
      batchRetentionDays: config.FLUSH_BATCH_RETENTION_DAYS,
      runCountsRetentionDays: config.RUN_COUNTS_RETENTION_DAYS,
      chunkRows: config.FLUSH_CHUNK_ROWS || undefined,
      announcer,
    });
    // What a previous process spilled goes in before anything new is recorded; its batch ids make
    // a chunk that did commit (its reply lost) count once.
    const replayed = await discovery.start();
    if (replayed.sightings) info(`[discovery] replayed ${replayed.sightings} spilled sightings from the journal`);
    const runs = new RunStore(db.prisma, outbox);
    // With PGlite this is the only process, so a `running` run left over was cut off by a crash.
    if (db.kind === "pglite") await runs.failAbandoned();
    const sources = options.sources ?? buildSources(config);
    const scrape = new ScrapeController(
      {
        sources,
        mappings: mappings.cache,
        discovery,
        publisher: realtime,
        runs,
        concurrency: config.SCRAPE_CONCURRENCY,
        flushEveryEvents: config.FLUSH_EVERY_EVENTS,
        snapshot: new PriceSnapshot(db, { runs: config.SNAPSHOT_RUNS }),
        coverage: new CoverageWatch(db, realtime, outbox),
      },
      {
        intervalSeconds: config.SCRAPE_INTERVAL_SECONDS,
        startDelaySeconds: config.SCRAPE_START_DELAY_SECONDS,
        startSooner: realtime.firstClient,
        // A real bookmaker feed keeps its interval from the start; the demo shows a new user a few quick rounds.
        warmupRuns: sources.every((s) => s.name === "demo") ? config.SCRAPE_WARMUP_RUNS : 0,
        warmupIntervalSeconds: config.SCRAPE_WARMUP_INTERVAL_SECONDS,
      },
      (onLost) => db.tryLock(LOCKS.scrapeRun, onLost),
      { heartbeatSeconds: config.RUN_HEARTBEAT_SECONDS, staleSeconds: config.RUN_STALE_SECONDS },
    );
    await scrape.repairStale(); // runs whose process is gone (PostgreSQL; PGlite's are failed above)
    const triage = new TriageService(db, realtime, outbox);
    // A bulk change or its undo rewrites up to 10,000 markets: PGlite vacuums soon after.
    const maintainer = new EmbeddedMaintainer(db);
    const prices = new SnapshotPrices(db);
    const changes = tapPublisher(realtime, (type) => type === "unmapped_bulk_updated" && maintainer.nudge());
    const runtime: Runtime = {
      config,
      db,
      publisher: realtime,
      mappings,
      mapMarket: new MapMarketService(mappings, triage, new PriceCheckService(prices)),
      unmapMarket: new UnmapMarketService(mappings, triage),
      discovery,
      triage,
      bulk: new BulkService(db, changes, outbox),
      undo: new UndoService(db, changes, outbox),
      trend: new TrendService(db),
      runs,
      scrape,
      candidates: new CandidateService(db, triage, mappings, prices),
      audit: new AuditService(db.prisma),
      stats: new StatsService(db),
      auth,
      people: new PeopleService(db.prisma, auth),
      tokens: new TokenService(db.prisma, auth),
      limits,
      comments: new CommentService(db, realtime),
      activity: new ActivityService(db),
      views: new ViewService(db),
      directory: new PeopleDirectory(db.prisma),
      webhooks: new WebhookService(db, outbox, config.WEBHOOK_ALLOW_PRIVATE),
      alertRules: new AlertRuleService(db, outbox, config.WEBHOOK_ALLOW_PRIVATE),
      coverage: new CoverageService(db, realtime),
      async health() {
        const database = await pingWithin(db, config.HEALTH_DB_TIMEOUT_MS);
        return {
          status: database.ok ? "ok" : "degraded",
          database: { kind: db.kind, ...database },
          scheduler: scrape.status(),
          recorder: discovery.stats(),
          process: processFaults(),
        };
      },
    };
    setRuntime(runtime);

    const app = next({ dev: options.dev ?? false, dir: PROJECT_DIR, hostname: config.HOST, port: config.PORT, quiet: true });
    await app.prepare();
    const handle = app.getRequestHandler();
    // Socket.IO attached first and answers /socket.io itself; the gate answers malformed, unknown
    // and oversized requests; the API goes straight to its route handlers, pages to Next.
    const gate = createApiGate(config.API_MAX_BODY_BYTES);
    const api = createApiDispatcher(await loadApiRoutes(path.join(PROJECT_DIR, "app")));
    const authApi = createAuthDispatcher(runtime);
    httpServer.on("clientError", answerClientError);
    httpServer.on("request", (req, res) => {
      if (req.url?.startsWith("/socket.io/")) return;
      // better-auth's endpoints are not in the OpenAPI table the gate checks: they go first.
      if (req.url === "/api/auth" || req.url?.startsWith("/api/auth/")) return authApi(req, res);
      if (gate(req, res)) return;
      if (req.url === "/api" || req.url?.startsWith("/api/") || req.url?.startsWith("/api?")) return api(req, res);
      void handle(req, res);
    });

    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;
    publicUrl = config.PUBLIC_URL ?? url;
    const origins = [...hosts].map((h) => `http://${h}:${port}`);
    await auth.start(
      {
        baseURL: config.PUBLIC_URL ?? url,
        trustedOrigins: [...(config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : []), url, ...origins],
        secureCookies: config.PUBLIC_URL?.startsWith("https:") ?? false,
      },
      realtime.io,
    );
    if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD && (await auth.userCount()) === 0) {
      const admin = await auth
        .createFirstAdmin({ name: config.ADMIN_NAME, email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD }, "ADMIN_EMAIL")
        .catch((e: { status?: number }) => (e.status === 409 ? null : Promise.reject(e)));
      if (admin) info(`[auth] created the first admin ${config.ADMIN_EMAIL} (ADMIN_EMAIL)`);
    }
    scrape.start();
    await dispatcher.start();
    await announcer.start();

    let stopping: Promise<ShutdownReport> | null = null;
    return {
      url,
      port,
      runtime,
      stop() {
        stopping ??= (async () => {
          await scrape.stop();
          // The attempts in flight finish and are recorded; what is still pending waits in the outbox.
          await dispatcher.stop();
          await Promise.all(
            sources.map((s) => s.close?.().catch((e) => log.warn(`[shutdown] closing source ${s.name}: ${(e as Error).message}`))),
          );
          const report = await discovery.close();
          await announcer.close();
          if (report.journalFiles)
            log.error(`[shutdown] sightings not written to the database wait in ${report.journalFiles} journal file(s)`);
          if (report.lostSightings) log.error(`[shutdown] ${report.lostSightings} sightings could not be saved anywhere`);
          await realtime.close();
          await limits?.close();
          httpServer.closeAllConnections();
          await new Promise<void>((resolve) => httpServer.close(() => resolve()));
          await app.close?.();
          setRuntime(undefined);
          await maintainer.close();
          await db.close();
          return report;
        })();
        return stopping;
      },
    };
  } catch (e) {
    setRuntime(undefined);
    await limits?.close();
    await db.close().catch(() => undefined);
    throw e;
  }
}
