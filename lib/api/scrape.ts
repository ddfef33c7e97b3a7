// Scrape runs: start one, follow one.
import { queryOptions } from "@tanstack/react-query";
import { scrapeAcceptedSchema, scrapeRunSchema } from "@/lib/contract/scrape";
import { apiFetch } from "./fetch";
import { keys } from "./keys";

export const scrapeApi = {
  /** Resolves with the new run's id; a 409 ApiError names the running run (runningRunOf). */
  start: async (): Promise<number> => (await apiFetch(scrapeAcceptedSchema, "/api/scrape", { method: "POST" })).runId,
  run: (id: number, signal?: AbortSignal) => apiFetch(scrapeRunSchema, `/api/scrape/runs/${id}`, { signal }),
};

export const scrapeQueries = {
  run: (id: number) => queryOptions({ queryKey: keys.scrape.run(id), queryFn: ({ signal }) => scrapeApi.run(id, signal) }),
};
