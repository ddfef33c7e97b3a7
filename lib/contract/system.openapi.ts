// The operations across areas: the audit trail, stats, health and this document.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { auditQuerySchema } from "./audit";
import { healthSchema } from "./health";
import { historyPage, jsonAnswer, operation, read } from "./openapi-kit";
import { statsQuerySchema, statsSchema } from "./stats";
import { healthDegradedExample } from "./system.examples";

export const systemPaths: ZodOpenApiPathsObject = {
  "/api/audit": {
    get: read("listAudit", "Every status, notes and mapping change, newest first", {
      description:
        "Also access events (sign-ins, failed sign-ins, tokens, people). Filter by entity, action and actor; paged. Each entry " +
        "was written in the same transaction as its change.",
      query: auditQuerySchema,
      ok: historyPage,
    }),
  },
  "/api/stats": {
    get: read("getStats", "Counts by status, platform and reason; coverage of the last run and per run over time", {
      description:
        "Counts come from counters kept by triggers (no market row is read); runs is the last `runs` finished runs, oldest first.",
      query: statsQuerySchema,
      ok: jsonAnswer(statsSchema, "Counts (from counters) and coverage"),
    }),
  },
  "/api/health": {
    get: operation("public", "getHealth", "Liveness and readiness: database, scheduler, recorder and process faults", {
      description:
        "Public, for load balancers and monitors. 503 degraded when the database is unreachable or slower than " +
        "HEALTH_DB_TIMEOUT_MS; recorder counts pending, retrying, spilled, dropped and rejected sightings.",
      responses: {
        "200": jsonAnswer(healthSchema, "Everything answers"),
        "503": jsonAnswer(
          healthSchema,
          "degraded: the database is unreachable or gave no answer within HEALTH_DB_TIMEOUT_MS",
          undefined,
          healthDegradedExample,
        ),
      },
    }),
  },
  "/api/openapi.json": {
    get: read("getOpenApiDocument", "This document", {
      description: "Generated from the zod contract the handlers parse with; a tool generates its client from it (see the README).",
      ok: { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } },
    }),
  },
};
