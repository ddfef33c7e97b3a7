// Unmapped markets: list, detail, triage edits, history, candidates and "map this market".
import { queryOptions } from "@tanstack/react-query";
import { auditListSchema } from "@/lib/contract/audit";
import { mapCheckSchema, type MapCheck } from "@/lib/contract/price-check";
import { candidatesSchema, mapResultSchema, type MapMarket, type MapResult } from "@/lib/contract/mappings";
import {
  unmappedDetailSchema,
  unmappedEditedSchema,
  unmappedListSchema,
  type UnmappedDetail,
  type UnmappedEdited,
  type UnmappedList,
  type UnmappedListQuery,
  type UnmappedPatch,
} from "@/lib/contract/unmapped";
import { type UnmappedExportQuery } from "@/lib/contract/unmapped-export";
import { apiFetch, searchOf } from "./fetch";
import { keys, type PageWindow } from "./keys";

export function unmappedSearch(query: UnmappedListQuery): string {
  const { source, status, reason, minOccurrences, q, assignee, escalating, trendRuns, sort, order, page, pageSize } = query;
  return searchOf({ source, status, reason, minOccurrences, q, assignee, escalating, trendRuns, sort, order, page, pageSize });
}

/** GET /api/unmapped/export.csv for these filters and sort: a plain link the browser downloads (cookie-authenticated). */
export function unmappedExportHref(query: UnmappedExportQuery): string {
  const { source, status, reason, minOccurrences, q, assignee, escalating, sort, order } = query;
  return `/api/unmapped/export.csv?${searchOf({ source, status, reason, minOccurrences, q, assignee, escalating, sort, order })}`;
}

/** The dashboard's most urgent new markets. */
export const URGENT_NEW_QUERY: UnmappedListQuery = { status: ["NEW"], sort: "priority", order: "desc", page: 1, pageSize: 10 };

export const unmappedApi = {
  list: (query: UnmappedListQuery, signal?: AbortSignal): Promise<UnmappedList> =>
    apiFetch(unmappedListSchema, `/api/unmapped?${unmappedSearch(query)}`, { signal }),
  get: (id: number, signal?: AbortSignal): Promise<UnmappedDetail> => apiFetch(unmappedDetailSchema, `/api/unmapped/${id}`, { signal }),
  /** `version` goes out as If-Match: the server answers 412 if someone changed the market since. The answer carries the changeId to undo. */
  update: (id: number, patch: UnmappedPatch, version: number): Promise<UnmappedEdited> =>
    apiFetch(unmappedEditedSchema, `/api/unmapped/${id}`, { method: "PATCH", body: patch, ifMatch: version }),
  history: (id: number, window: PageWindow, signal?: AbortSignal) =>
    apiFetch(auditListSchema, `/api/unmapped/${id}/history?${searchOf({ ...window })}`, { signal }),
  candidates: (id: number, signal?: AbortSignal) => apiFetch(candidatesSchema, `/api/unmapped/${id}/candidates`, { signal }),
  /** Extends or creates a mapping with the market's platform id and marks the market MAPPED, in one transaction. */
  map: (id: number, body: MapMarket): Promise<MapResult> => apiFetch(mapResultSchema, `/api/unmapped/${id}/map`, { method: "POST", body }),
  /** The same body as map: checks it against the competitors' prices and changes nothing. */
  check: (id: number, body: MapMarket, signal?: AbortSignal): Promise<MapCheck> =>
    apiFetch(mapCheckSchema, `/api/unmapped/${id}/map/check`, { method: "POST", body, signal }),
};

export const unmappedQueries = {
  list: (query: UnmappedListQuery) =>
    queryOptions({ queryKey: keys.unmapped.list(query), queryFn: ({ signal }) => unmappedApi.list(query, signal) }),
  detail: (id: number) => queryOptions({ queryKey: keys.unmapped.detail(id), queryFn: ({ signal }) => unmappedApi.get(id, signal) }),
  history: (id: number, window: PageWindow) =>
    queryOptions({ queryKey: keys.unmapped.history(id, window), queryFn: ({ signal }) => unmappedApi.history(id, window, signal) }),
  candidates: (id: number) =>
    queryOptions({ queryKey: keys.unmapped.candidates(id), queryFn: ({ signal }) => unmappedApi.candidates(id, signal) }),
  check: (id: number, body: MapMarket) =>
    queryOptions({ queryKey: keys.unmapped.check(id, body), queryFn: ({ signal }) => unmappedApi.check(id, body, signal) }),
};
