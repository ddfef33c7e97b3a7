// The operations across areas: the audit trail, stats, health and this document.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { auditQuerySchema } from "./audit";
import { healthSchema } from "./health";
import { historyPage, jsonAnswer, operation } from "./openapi-kit";
import { statsQuerySchema, statsSchema } from "./stats";

export const systemPaths: ZodOpenApiPathsObject = {
  "/api/audit": {
    get: operation(
      {
        operationId: "listAudit",
        summary: "Every status, notes and mapping change, newest first",
        requestParams: { query: auditQuerySchema },
        responses: { "200": historyPage },
      },
      { access: "viewer" },
    ),
  },
  "/api/stats": {
    get: operation(
      {
        operationId: "getStats",
        summary: "Counts by status, platform and reason; coverage of the last run and per run over time",
        requestParams: { query: statsQuerySchema },
        responses: { "200": jsonAnswer(statsSchema, "Counts (from counters) and coverage") },
      },
      { access: "viewer" },
    ),
  },
  "/api/health": {
    get: operation(
      {
        operationId: "getHealth",
        summary: "Liveness and readiness: database, scheduler, recorder and process faults",
        responses: {
          "200": jsonAnswer(healthSchema, "Everything answers"),
          "503": jsonAnswer(healthSchema, "degraded: the database is unreachable or gave no answer within HEALTH_DB_TIMEOUT_MS"),
        },
      },
      { access: "public" },
    ),
  },
  "/api/openapi.json": {
    get: operation(
      {
        operationId: "getOpenApiDocument",
        summary: "This document",
        responses: { "200": { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
      },
      { access: "viewer" },
    ),
  },
};
