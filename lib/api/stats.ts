// Counts, coverage and trends for the dashboard.
import { queryOptions } from "@tanstack/react-query";
import { statsSchema } from "@/lib/contract/stats";
import { apiFetch, searchOf } from "./fetch";
import { keys } from "./keys";

/** Runs the dashboard's trends cover. */
export const DASHBOARD_RUNS = 30;

const statsApi = {
  get: (runs: number, signal?: AbortSignal) => apiFetch(statsSchema, `/api/stats?${searchOf({ runs })}`, { signal }),
};

export const statsQueries = {
  get: (runs: number) => queryOptions({ queryKey: keys.stats.get(runs), queryFn: ({ signal }) => statsApi.get(runs, signal) }),
};
