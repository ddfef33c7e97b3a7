// The one query key factory. Keys nest by resource, so one prefix refreshes everything under it:
// keys.unmapped.all covers lists, tab counts, details, history and candidates of markets.
import type { QueryKey } from "@tanstack/react-query";
import type { AuditQuery } from "@/lib/contract/audit";
import type { MapMarket, MappingListQuery } from "@/lib/contract/mappings";
import type { UnmappedListQuery } from "@/lib/contract/unmapped";

export interface PageWindow {
  page: number;
  pageSize: number;
}

export const keys = {
  unmapped: {
    all: ["unmapped"] as const,
    lists: ["unmapped", "list"] as const,
    list: (query: UnmappedListQuery) => ["unmapped", "list", query] as const,
    detail: (id: number) => ["unmapped", "detail", id] as const,
    historyOf: (id: number) => ["unmapped", "history", id] as const,
    // History keys are plain QueryKeys: one history panel takes either.
    history: (id: number, window: PageWindow): QueryKey => ["unmapped", "history", id, window],
    // The activity timeline (comments and history) sits under historyOf: whatever refreshes a
    // market's history (its unmapped_updated message, comments included) refreshes it too.
    activity: (id: number) => ["unmapped", "history", id, "activity"] as const,
    trend: (id: number, runs: number) => ["unmapped", "trend", id, runs] as const,
    candidates: (id: number) => ["unmapped", "candidates", id] as const,
    /** The price check of a proposed mapping (POST …/map/check): keyed by the body it checks. */
    checksOf: (id: number) => ["unmapped", "check", id] as const,
    check: (id: number, body: MapMarket) => ["unmapped", "check", id, body] as const,
  },
  mappings: {
    all: ["mappings"] as const,
    lists: ["mappings", "list"] as const,
    list: (query: MappingListQuery) => ["mappings", "list", query] as const,
    detail: (canonicalId: string) => ["mappings", "detail", canonicalId] as const,
    history: (canonicalId: string, window: PageWindow): QueryKey => ["mappings", "history", canonicalId, window],
  },
  audit: {
    all: ["audit"] as const,
    list: (query: AuditQuery) => ["audit", "list", query] as const,
  },
  stats: {
    all: ["stats"] as const,
    get: (runs: number) => ["stats", runs] as const,
  },
  scrape: {
    all: ["scrape"] as const,
    run: (id: number) => ["scrape", "run", id] as const,
  },
  auth: {
    /** Who is signed in (GET /api/me). */
    me: ["auth", "me"] as const,
  },
  users: {
    all: ["users"] as const,
  },
  tokens: {
    all: ["tokens"] as const,
  },
  coverage: {
    /** Coverage alerts (the dashboard's open ones). */
    all: ["coverage"] as const,
  },
  webhooks: {
    all: ["webhooks"] as const,
    deliveries: (id: string) => ["webhooks", id, "deliveries"] as const,
  },
  alertRules: {
    all: ["alertRules"] as const,
    /** Each rule's latest notification (the dashboard); under `all`, so a rule's change refreshes it. */
    firings: ["alertRules", "firings"] as const,
  },
  /** Everyone who can be assigned (GET /api/people). */
  people: {
    all: ["people"] as const,
  },
  /** Saved views with their counts: they change with the markets, so a market change refreshes them too. */
  views: {
    all: ["views"] as const,
  },
};
