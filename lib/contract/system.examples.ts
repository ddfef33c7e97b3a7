// Examples of the audit, scrape, stats and health answers for the OpenAPI document: openapi-examples.ts puts each
// on the media type of its schema. Typed with the schemas' types here, and parsed by the schemas in
// openapi.test.ts (formats, lengths, refinements), so none drifts from what the API accepts and sends.
import type { z } from "zod";
import type * as A from "./audit";
import type * as S from "./scrape";
import type * as T from "./stats";
import type * as H from "./health";
export const auditEntryExample = {
  id: 90211,
  entityType: "unmapped_market",
  entityId: "4182",
  entityName: "1st Half - Correct Score & Total Goals",
  action: "status_changed",
  actorType: "user",
  actorId: "Xr4pQ9sLw2bN7cVk1mTz8hJd",
  actor: "Ada Okafor",
  before: { status: "NEW" },
  after: { status: "ACKNOWLEDGED" },
  reason: "Taking it this morning",
  createdAt: "2026-12-06T09:12:44.018Z",
} satisfies A.AuditEntry;

export const auditListExample = {
  items: [
    auditEntryExample,
    {
      ...auditEntryExample,
      id: 90187,
      action: "regressed",
      actorType: "scraper",
      actorId: null,
      actor: "scraper",
      before: { status: "MAPPED" },
      after: { status: "NEW", runId: 57 },
      reason: null,
      createdAt: "2026-12-06T08:41:09.552Z",
    },
  ],
  total: 2,
  page: 1,
  pageSize: 50,
  nextCursor: null,
} satisfies z.input<typeof A.auditListSchema>;

const sourceStats = (events: number, markets: number, unmapped: number, fresh: number) => ({
  events,
  eventsFailed: 0,
  markets,
  mapped: markets - unmapped,
  unmapped,
  new: fresh,
  dataErrors: 0,
  errors: [],
});

export const scrapeRunExample = {
  id: 57,
  trigger: "schedule",
  status: "completed",
  startedAt: "2026-12-06T08:40:00.011Z",
  finishedAt: "2026-12-06T08:41:12.904Z",
  events: 72,
  markets: 32486,
  mapped: 30911,
  unmapped: 1575,
  newMarkets: 3,
  sources: {
    sportybet: sourceStats(36, 16240, 806, 2),
    bet9ja: { ...sourceStats(36, 16246, 769, 1), reopened: 1 },
  },
  error: null,
} satisfies z.input<typeof S.scrapeRunSchema>;

export const scrapeAcceptedExample = { runId: 58 } satisfies z.input<typeof S.scrapeAcceptedSchema>;

export const scrapeRunListExample = {
  items: [
    { ...scrapeRunExample, id: 58, trigger: "manual", status: "running", startedAt: "2026-12-06T08:44:02.310Z", finishedAt: null },
    scrapeRunExample,
  ],
  nextCursor: null,
} satisfies z.input<typeof S.scrapeRunListSchema>;

const byStatus = { NEW: 212, ACKNOWLEDGED: 48, MAPPED: 31, IGNORED: 96 };
const coverage = (markets: number, mapped: number, fresh: number) => ({ markets, mapped, coverage: mapped / markets, new: fresh });

export const statsExample = {
  byStatus,
  byPlatform: {
    sportybet: { NEW: 118, ACKNOWLEDGED: 20, MAPPED: 17, IGNORED: 51 },
    bet9ja: { NEW: 94, ACKNOWLEDGED: 28, MAPPED: 14, IGNORED: 45 },
  },
  byReason: { UNKNOWN_MARKET: 301, UNKNOWN_PARAM_MARKET: 52, NO_MATCHING_OUTCOMES: 21, UNSUPPORTED_PLATFORM: 13 },
  total: 387,
  lastRun: {
    id: 57,
    status: "completed",
    finishedAt: "2026-12-06T08:41:12.904Z",
    coverage: { sportybet: coverage(16240, 15434, 2), bet9ja: coverage(16246, 15477, 1) },
  },
  runs: [
    {
      id: 57,
      startedAt: "2026-12-06T08:40:00.011Z",
      status: "completed",
      coverage: 30911 / 32486,
      newMarkets: 3,
      perPlatform: { sportybet: coverage(16240, 15434, 2), bet9ja: coverage(16246, 15477, 1) },
    },
  ],
} satisfies z.input<typeof T.statsSchema>;

export const healthExample = {
  status: "ok",
  database: { kind: "postgres", ok: true },
  scheduler: { enabled: true, intervalSeconds: 300, running: false, currentRunId: null, nextRunAt: "2026-12-06T08:45:00.000Z" },
  recorder: {
    pendingMarkets: 0,
    pendingSightings: 0,
    droppedSightings: 0,
    retryingMarkets: 0,
    retryingSightings: 0,
    spilledSightings: 0,
    journalFiles: 0,
    rejectedMarkets: 0,
    rejectedSightings: 0,
    lastRejected: [],
  },
  process: { uncaughtExceptions: 0, unhandledRejections: 0 },
} satisfies z.input<typeof H.healthSchema>;

export const healthDegradedExample = {
  ...healthExample,
  status: "degraded",
  database: { kind: "postgres", ok: false, error: "timeout" },
} satisfies z.input<typeof H.healthSchema>;
