// The scrape operations: start a run, list runs, one run.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { idParamsSchema } from "./common";
import { created, jsonAnswer, listAnswer, operation, problem, read } from "./openapi-kit";
import { scrapeAcceptedSchema, scrapeRunListQuerySchema, scrapeRunListSchema, scrapeRunSchema, scrapeTriggerQuerySchema } from "./scrape";

export const scrapePaths: ZodOpenApiPathsObject = {
  "/api/scrape": {
    post: operation("admin", "startScrape", "Start a scrape run now", {
      description: "One run goes at a time across every process sharing the database. Progress is published on the scrape_progress topic.",
      query: scrapeTriggerQuerySchema,
      responses: {
        "202": created(scrapeAcceptedSchema, "Started; follow it on scrape_progress or GET /api/scrape/runs/{runId}"),
        "200": jsonAnswer(scrapeRunSchema, "With wait=true: the finished run"),
        "409": problem("A run is already going (on this or another process); runId names it"),
      },
    }),
  },
  "/api/scrape/runs": {
    get: read("listScrapeRuns", "Scrape runs, newest first", {
      description: "Each with status, totals and per-platform figures (events, markets, mapped, unmapped, new, reopened, errors).",
      query: scrapeRunListQuerySchema,
      ok: listAnswer(scrapeRunListSchema, "The latest runs"),
    }),
  },
  "/api/scrape/runs/{id}": {
    get: read("getScrapeRun", "One scrape run with its totals per platform", {
      description: "A running run's figures grow as its batches are flushed; finishedAt is null until it ends.",
      path: idParamsSchema,
      ok: jsonAnswer(scrapeRunSchema, "The run"),
    }),
  },
};
