// The browser's typed client for mappings, map-a-market, candidates, history, audit and stats.
// Built like lib/api-client.ts and sharing its error type: every response is parsed with the
// contract's zod schema, every failure is an ApiError carrying the problem+json details (field
// errors by path), so isApiError/errorMessage and the app's retry policy treat both clients alike.
// A 409 about a platform id also names the mapping that holds it (`holder`).
import { z } from "zod";
import { ApiError, isApiError } from "@/lib/api-client";
import { auditListSchema, type AuditQuery } from "@/lib/contract/audit";
import { problemSchema } from "@/lib/contract/common";
import {
  candidatesSchema,
  mapResultSchema,
  mappingDetailSchema,
  mappingListSchema,
  type Candidates,
  type MapMarket,
  type MapResult,
  type MappingCreate,
  type MappingDetail,
  type MappingListQuery,
  type MappingPatch,
} from "@/lib/contract/mappings";
import { statsSchema, type Stats } from "@/lib/contract/stats";

export type MappingList = z.infer<typeof mappingListSchema>;
export type AuditList = z.infer<typeof auditListSchema>;
export interface HistoryPage {
  page: number;
  pageSize: number;
}

const conflictBodySchema = problemSchema.extend({
  runId: z.number().int().optional(),
  holder: z.string().optional().describe("The mapping that already holds the platform id"),
  field: z.string().optional(),
});

/** An ApiError whose 409 names the mapping holding the platform id the request tried to take. */
export class MappingApiError extends ApiError {
  readonly holder: string | null;
  constructor(status: number, message: string, problem: z.infer<typeof conflictBodySchema> | null) {
    super(status, message, problem);
    this.name = "MappingApiError";
    this.holder = problem?.holder ?? null;
  }
}

/** The mapping holding a platform id, from a 409; null for any other error. */
export const holderOf = (e: unknown): string | null => (e instanceof MappingApiError ? e.holder : null);

/** Server field errors (e.g. "body.betpawaId"), empty for errors that name no field. */
export const fieldErrorsOf = (e: unknown): Readonly<Record<string, string>> => (isApiError(e) ? e.fieldErrors : {});

async function problemOf(res: Response) {
  try {
    const parsed = conflictBodySchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function describe(status: number, problem: { detail?: string; title?: string } | null): string {
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  if (status >= 500) return `The server failed to answer (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}

interface RequestOptions extends Omit<RequestInit, "body"> {
  body?: unknown;
}

async function request<S extends z.ZodType>(schema: S, path: string, options: RequestOptions = {}): Promise<z.output<S>> {
  const { body, headers, ...init } = options;
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new MappingApiError(0, "Cannot reach the server. Check your connection; it will retry when you try again.", null);
  }
  if (!res.ok) {
    const problem = await problemOf(res);
    throw new MappingApiError(res.status, describe(res.status, problem), problem);
  }
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) {
    console.error(`[api] ${path}: response does not match the contract`, parsed.error.issues);
    throw new MappingApiError(res.status, "The server sent a response this page does not understand. Reload the page.", null);
  }
  return parsed.data;
}

/** Query string for GET /api/mappings; defaults are sent explicitly so cache keys and URLs agree. */
export function mappingSearchParams(query: MappingListQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (query.origin) p.set("origin", query.origin);
  if (query.platform) p.set("platform", query.platform);
  if (query.q) p.set("q", query.q);
  if (query.active !== undefined) p.set("active", String(query.active));
  p.set("page", String(query.page));
  p.set("pageSize", String(query.pageSize));
  return p;
}

function auditSearchParams(query: AuditQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["entityType", "entityId", "action", "actor"] as const) {
    const v = query[key];
    if (v) p.set(key, v);
  }
  p.set("page", String(query.page));
  p.set("pageSize", String(query.pageSize));
  return p;
}

const pageParams = ({ page, pageSize }: HistoryPage) => new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
const seg = (canonicalId: string) => encodeURIComponent(canonicalId);

export const mappingsApi = {
  listMappings(query: MappingListQuery, signal?: AbortSignal): Promise<MappingList> {
    return request(mappingListSchema, `/api/mappings?${mappingSearchParams(query)}`, { signal });
  },

  getMapping(canonicalId: string, signal?: AbortSignal): Promise<MappingDetail> {
    return request(mappingDetailSchema, `/api/mappings/${seg(canonicalId)}`, { signal });
  },

  createMapping(body: MappingCreate): Promise<MappingDetail> {
    return request(mappingDetailSchema, "/api/mappings", { method: "POST", body });
  },

  /**
   * Edits a user mapping, or creates the override of a built-in one. `version` (the user row's,
   * when there is one) goes out as If-Match: 412 if someone changed it since.
   */
  updateMapping(canonicalId: string, patch: MappingPatch, version: number | null): Promise<MappingDetail> {
    return request(mappingDetailSchema, `/api/mappings/${seg(canonicalId)}`, {
      method: "PATCH",
      headers: version === null ? {} : { "if-match": `"${version}"` },
      body: patch,
    });
  },

  /** Deactivates the user mapping; answers with what applies now (the built-in entry, if any). */
  deactivateMapping(canonicalId: string, reason: string): Promise<MappingDetail> {
    const q = reason ? `?${new URLSearchParams({ reason })}` : "";
    return request(mappingDetailSchema, `/api/mappings/${seg(canonicalId)}${q}`, { method: "DELETE" });
  },

  mappingHistory(canonicalId: string, page: HistoryPage, signal?: AbortSignal): Promise<AuditList> {
    return request(auditListSchema, `/api/mappings/${seg(canonicalId)}/history?${pageParams(page)}`, { signal });
  },

  marketHistory(id: number, page: HistoryPage, signal?: AbortSignal): Promise<AuditList> {
    return request(auditListSchema, `/api/unmapped/${id}/history?${pageParams(page)}`, { signal });
  },

  audit(query: AuditQuery, signal?: AbortSignal): Promise<AuditList> {
    return request(auditListSchema, `/api/audit?${auditSearchParams(query)}`, { signal });
  },

  candidates(id: number, signal?: AbortSignal): Promise<Candidates> {
    return request(candidatesSchema, `/api/unmapped/${id}/candidates`, { signal });
  },

  /** Extends or creates a mapping with the market's platform id and marks the market MAPPED, in one transaction. */
  mapMarket(id: number, body: MapMarket): Promise<MapResult> {
    return request(mapResultSchema, `/api/unmapped/${id}/map`, { method: "POST", body });
  },

  stats(runs: number, signal?: AbortSignal): Promise<Stats> {
    return request(statsSchema, `/api/stats?runs=${runs}`, { signal });
  },
};

// React Query keys. Market history and candidates sit under ["unmapped"], so the app's realtime
// invalidation (alerts, finished runs, reconnects) refreshes them with the market itself.
export const mappingKeys = {
  mappings: ["mappings"] as const,
  mappingLists: ["mappings", "list"] as const,
  mappingList: (query: MappingListQuery) => ["mappings", "list", query] as const,
  mappingDetail: (canonicalId: string) => ["mappings", "detail", canonicalId] as const,
  mappingHistory: (canonicalId: string, page: HistoryPage) => ["mappings", "history", canonicalId, page] as const,
  marketHistory: (id: number, page: HistoryPage) => ["unmapped", "history", id, page] as const,
  candidates: (id: number) => ["unmapped", "candidates", id] as const,
  audit: ["audit"] as const,
  auditList: (query: AuditQuery) => ["audit", "list", query] as const,
  stats: (runs: number) => ["stats", runs] as const,
};

export const DASHBOARD_RUNS = 30;
/** The first page a history panel shows; server pages prefetch it under the same key. */
export const HISTORY_FIRST_PAGE: HistoryPage = { page: 1, pageSize: 20 };
