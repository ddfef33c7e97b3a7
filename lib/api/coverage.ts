// Coverage alerts (every role reads them; triagers dismiss them).
import { queryOptions } from "@tanstack/react-query";
import { coverageAlertListSchema, coverageAlertSchema } from "@/lib/contract/coverage";
import { apiFetch } from "./fetch";
import { keys } from "./keys";

/** The dashboard shows at most this many open alerts. */
const CARD_LIMIT = 50;

export const coverageApi = {
  open: (signal?: AbortSignal) => apiFetch(coverageAlertListSchema, `/api/coverage-alerts?status=open&limit=${CARD_LIMIT}`, { signal }),
  dismiss: (id: number) => apiFetch(coverageAlertSchema, `/api/coverage-alerts/${id}/dismiss`, { method: "POST" }),
};

export const coverageQueries = {
  open: () => queryOptions({ queryKey: keys.coverage.all, queryFn: ({ signal }) => coverageApi.open(signal) }),
};
