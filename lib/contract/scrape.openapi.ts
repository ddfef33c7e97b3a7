// The scrape operations: start a run, list runs, one run.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { idParamsSchema } from "./common";
import { jsonAnswer, locationHeader, operation, problem } from "./openapi-kit";
import { scrapeAcceptedSchema, scrapeRunListQuerySchema, scrapeRunListSchema, scrapeRunSchema, scrapeTriggerQuerySchema } from "./scrape";

export const scrapePaths: ZodOpenApiPathsObject = {
  "/api/scrape": {
    post: operation(
      {
        operationId: "startScrape",
        summary: "Start a scrape run now",
        description:
          "One run goes at a time across every process sharing the database. Progress is published on the scrape_progress topic.",
        requestParams: { query: scrapeTriggerQuerySchema },
        responses: {
          "202": jsonAnswer(scrapeAcceptedSchema, "Started; follow it on scrape_progress or GET /api/scrape/runs/{runId}", locationHeader),
          "200": jsonAnswer(scrapeRunSchema, "With wait=true: the finished run"),
          "409": problem("A run is already going (on this or another process); runId names it"),
        },
      },
      { access: "admin" },
    ),
  },
  "/api/scrape/runs": {
    get: operation(
      {
        operationId: "listScrapeRuns",
        summary: "Scrape runs, newest first",
        requestParams: { query: scrapeRunListQuerySchema },
        responses: { "200": jsonAnswer(scrapeRunListSchema, "The latest runs") },
      },
      { access: "viewer" },
    ),
  },
  "/api/scrape/runs/{id}": {
    get: operation(
      {
        operationId: "getScrapeRun",
        summary: "One scrape run with its totals per platform",
        requestParams: { path: idParamsSchema },
        responses: { "200": jsonAnswer(scrapeRunSchema, "The run") },
      },
      { access: "viewer" },
    ),
  },
};
