// React Query keys. Everything about unmapped markets sits under ["unmapped"], so one
// invalidation (an alert, a reconnect, a finished run) refreshes lists, tab counts and details.
import type { UnmappedListQuery } from "@/lib/contract/unmapped";

export const queryKeys = {
  unmapped: ["unmapped"] as const,
  unmappedLists: ["unmapped", "list"] as const,
  unmappedList: (query: UnmappedListQuery) => ["unmapped", "list", query] as const,
  unmappedDetail: (id: number) => ["unmapped", "detail", id] as const,
  scrape: ["scrape"] as const,
  scrapeRun: (id: number) => ["scrape", "run", id] as const,
};
