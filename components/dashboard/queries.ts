// The dashboard's queries, shared by the server page (prefetch) and the browser (same cache keys).
import type { AuditQuery } from "@/lib/contract/audit";
import type { UnmappedListQuery } from "@/lib/contract/unmapped";

/** The highest-priority NEW markets. */
export const PRIORITY_QUERY: UnmappedListQuery = { status: ["NEW"], sort: "priority", order: "desc", page: 1, pageSize: 10 };
/** The latest changes of any kind. */
export const RECENT_QUERY: AuditQuery = { page: 1, pageSize: 10 };
