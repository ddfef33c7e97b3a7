// The operations across areas: the audit trail, stats, health and this document.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { auditQuerySchema } from "./audit";
import { healthSchema } from "./health";
import { historyPage, jsonAnswer, operation, read } from "./openapi-kit";
import { statsQuerySchema, statsSchema } from "./stats";

export const systemPaths: ZodOpenApiPathsObject = {
  "/api/audit": {
    get: read("listAudit", "Every status, notes and mapping change, newest first", { query: auditQuerySchema, ok: historyPage }),
  },
  "/api/stats": {
    get: read("getStats", "Counts by status, platform and reason; coverage of the last run and per run over time", {
      query: statsQuerySchema,
      ok: jsonAnswer(statsSchema, "Counts (from counters) and coverage"),
    }),
  },
  "/api/health": {
    get: operation("public", "getHealth", "Liveness and readiness: database, scheduler, recorder and process faults", {
      responses: {
        "200": jsonAnswer(healthSchema, "Everything answers"),
        "503": jsonAnswer(healthSchema, "degraded: the database is unreachable or gave no answer within HEALTH_DB_TIMEOUT_MS"),
      },
    }),
  },
  "/api/openapi.json": {
    get: read("getOpenApiDocument", "This document", {
      ok: { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } },
    }),
  },
};
