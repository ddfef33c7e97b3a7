// Mappings: the merged list, one mapping, creating, editing, deactivating, and its history.
import { queryOptions } from "@tanstack/react-query";
import { auditListSchema } from "@/lib/contract/audit";
import {
  mappingDetailSchema,
  mappingListSchema,
  type MappingCreate,
  type MappingDetail,
  type MappingListQuery,
  type MappingPatch,
} from "@/lib/contract/mappings";
import { apiFetch, searchOf } from "./fetch";
import { keys, type PageWindow } from "./keys";

const seg = (canonicalId: string) => encodeURIComponent(canonicalId);

/** The page of one mapping in the app. */
export const mappingHref = (canonicalId: string) => `/mappings/${seg(canonicalId)}`;

export function mappingSearch(query: MappingListQuery): string {
  const { origin, platform, q, active, sort, order, page, pageSize } = query;
  return searchOf({ origin, platform, q, active, sort, order, page, pageSize });
}

export const mappingsApi = {
  list: (query: MappingListQuery, signal?: AbortSignal) => apiFetch(mappingListSchema, `/api/mappings?${mappingSearch(query)}`, { signal }),
  get: (canonicalId: string, signal?: AbortSignal): Promise<MappingDetail> =>
    apiFetch(mappingDetailSchema, `/api/mappings/${seg(canonicalId)}`, { signal }),
  create: (body: MappingCreate): Promise<MappingDetail> => apiFetch(mappingDetailSchema, "/api/mappings", { method: "POST", body }),
  /**
   * Edits a user mapping, or creates the override of a built-in one. `version` (the user row's,
   * when there is one) goes out as If-Match: 412 if someone changed it since.
   */
  update: (canonicalId: string, patch: MappingPatch, version: number | null): Promise<MappingDetail> =>
    apiFetch(mappingDetailSchema, `/api/mappings/${seg(canonicalId)}`, { method: "PATCH", body: patch, ifMatch: version }),
  /** Deactivates the user mapping; answers with what applies now (the built-in entry, if any). */
  deactivate: (canonicalId: string, reason: string | undefined): Promise<MappingDetail> => {
    const search = searchOf({ reason });
    return apiFetch(mappingDetailSchema, `/api/mappings/${seg(canonicalId)}${search ? `?${search}` : ""}`, { method: "DELETE" });
  },
  history: (canonicalId: string, window: PageWindow, signal?: AbortSignal) =>
    apiFetch(auditListSchema, `/api/mappings/${seg(canonicalId)}/history?${searchOf({ ...window })}`, { signal }),
};

export const mappingQueries = {
  list: (query: MappingListQuery) =>
    queryOptions({ queryKey: keys.mappings.list(query), queryFn: ({ signal }) => mappingsApi.list(query, signal) }),
  detail: (canonicalId: string) =>
    queryOptions({ queryKey: keys.mappings.detail(canonicalId), queryFn: ({ signal }) => mappingsApi.get(canonicalId, signal) }),
  history: (canonicalId: string, window: PageWindow) =>
    queryOptions({
      queryKey: keys.mappings.history(canonicalId, window),
      queryFn: ({ signal }) => mappingsApi.history(canonicalId, window, signal),
    }),
};
