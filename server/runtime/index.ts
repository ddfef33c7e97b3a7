// The process-wide singletons, on globalThis. Next evaluates route modules in its own module
// graph, so a module-level singleton would exist twice; the server creates these once at start
// and route handlers read them here. Only types are imported, so this file pulls no database or
// Socket.IO code into Next's bundle.
import type { Health } from "@/lib/contract/health";
import type { Config } from "../config";
import type { Database } from "../db/client";
import type { DiscoveryService } from "../discovery/discovery-service";
import type { TriageService } from "../discovery/triage-service";
import type { BulkService } from "../triage/bulk-service";
import type { TrendService } from "../triage/trend";
import type { UndoService } from "../triage/undo-service";
import { serviceUnavailable } from "../http/errors";
import type { AuditService } from "../audit/audit-service";
import type { AuthService } from "../auth/auth-service";
import type { PeopleService } from "../auth/people-service";
import type { RateLimits } from "../auth/rate-limits";
import type { TokenService } from "../auth/token-service";
import type { StatsService } from "../discovery/stats-service";
import type { CandidateService } from "../mapping/candidate-service";
import type { MapMarketService } from "../mapping/map-market";
import type { UnmapMarketService } from "../mapping/unmap-market";
import type { MappingService } from "../mapping/mapping-service";
import type { Publisher } from "../realtime/publisher";
import type { RunStore } from "../scraping/run-store";
import type { ScrapeController } from "../scraping/scrape-controller";
import type { ActivityService } from "../triage-social/activity";
import type { CommentService } from "../triage-social/comments";
import type { PeopleDirectory } from "../triage-social/people";
import type { ViewService } from "../triage-social/views";
import type { WebhookService } from "../webhooks/endpoint-service";
import type { AlertRuleService } from "../alerts/rule-service";
import type { CoverageService } from "../coverage/coverage-service";

export interface Runtime {
  config: Config;
  db: Database;
  publisher: Publisher;
  mappings: MappingService;
  /** "Map this market": the mapping and the market's status MAPPED in one transaction. */
  mapMarket: MapMarketService;
  /** The undo of mapMarket: the market NEW again, its platform out of the mapping, one transaction. */
  unmapMarket: UnmapMarketService;
  discovery: DiscoveryService;
  triage: TriageService;
  /** Bulk changes of up to 10,000 markets, all or nothing. */
  bulk: BulkService;
  /** Undo of a single or bulk change. */
  undo: UndoService;
  /** Sightings per run of one market. */
  trend: TrendService;
  runs: RunStore;
  scrape: ScrapeController;
  candidates: CandidateService;
  audit: AuditService;
  stats: StatsService;
  /** Who a request is (session cookie or bearer token), cached and invalidated on revoke. */
  auth: AuthService;
  people: PeopleService;
  tokens: TokenService;
  limits: RateLimits;
  /** Comments on markets, and each market's activity timeline (comments and history). */
  comments: CommentService;
  activity: ActivityService;
  /** Saved list views, personal and shared, with their counts. */
  views: ViewService;
  /** Enabled people for pickers (GET /api/people), readable by every role. */
  directory: PeopleDirectory;
  /** Webhook endpoints, their delivery log, redelivery and test events (admin). */
  webhooks: WebhookService;
  /** Alert rules (admin) and their firing state (every role). */
  alertRules: AlertRuleService;
  /** Coverage alerts (mapped markets a platform stopped offering or whose outcomes changed): list and dismissal. */
  coverage: CoverageService;
  health(): Promise<Health>;
}

declare global {
  var __marketTriageRuntime: Runtime | undefined;
}

export function setRuntime(runtime: Runtime | undefined): void {
  globalThis.__marketTriageRuntime = runtime;
}

export function getRuntime(): Runtime {
  const runtime = globalThis.__marketTriageRuntime;
  if (!runtime) throw serviceUnavailable("The server is starting or stopping; try again in a moment");
  return runtime;
}
