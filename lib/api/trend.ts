// A market's sightings and events per run (the detail page's chart).
import { queryOptions } from "@tanstack/react-query";
import { trendSchema } from "@/lib/contract/unmapped";
import { apiFetch, searchOf } from "./fetch";
import { keys } from "./keys";

/** Runs the detail page charts. */
export const TREND_RUNS = 30;

export const trendQueries = {
  trend: (marketId: number, runs = TREND_RUNS) =>
    queryOptions({
      queryKey: keys.unmapped.trend(marketId, runs),
      queryFn: ({ signal }) => apiFetch(trendSchema, `/api/unmapped/${marketId}/trend?${searchOf({ runs })}`, { signal }),
    }),
};
