// The audit feed: every status, notes and mapping change, newest first.
import { queryOptions } from "@tanstack/react-query";
import { auditListSchema, type AuditQuery } from "@/lib/contract/audit";
import { apiFetch, searchOf } from "./fetch";
import { keys, type PageWindow } from "./keys";

/** The dashboard's latest changes of any kind. */
export const RECENT_CHANGES_QUERY: AuditQuery = { page: 1, pageSize: 10 };

const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => {
    const { entityType, entityId, action, actor, page, pageSize } = query;
    return apiFetch(auditListSchema, `/api/audit?${searchOf({ entityType, entityId, action, actor, page, pageSize })}`, { signal });
  },
};

export const auditQueries = {
  list: (query: AuditQuery) => queryOptions({ queryKey: keys.audit.list(query), queryFn: ({ signal }) => auditApi.list(query, signal) }),
};

/** The first page a history panel shows; server pages prefetch it under the same key. */
export const HISTORY_FIRST_PAGE: PageWindow = { page: 1, pageSize: 20 };
