// The OpenAPI 3.1 document, generated from the same zod schemas the handlers parse with.
import { z } from "zod";
import { idParamSchema, problemSchema } from "./common";
import { healthSchema } from "./health";
import { scrapeAcceptedSchema, scrapeRunListQuerySchema, scrapeRunListSchema, scrapeRunSchema, scrapeTriggerQuerySchema } from "./scrape";
import { unmappedDetailSchema, unmappedListQuerySchema, unmappedListSchema, unmappedPatchSchema } from "./unmapped";

type JsonSchema = Record<string, unknown>;

const schema = (s: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};

function queryParameters(s: z.ZodObject): JsonSchema[] {
  const json = schema(s, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, p]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    description: p.description,
    schema: p,
    ...(name === "status" ? { style: "form", explode: true } : {}),
  }));
}

const idParameter = (what: string) => ({
  name: "id",
  in: "path",
  required: true,
  description: `${what} id (digits); anything else is 404`,
  schema: schema(idParamSchema, "input"),
});

const body = (s: z.ZodType, description?: string) => ({
  description,
  content: { "application/json": { schema: schema(s) } },
});
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Market Triage API",
      version: "1.0.0",
      description:
        "Unmapped competitor markets found by the scrape jobs, and their triage. JSON is camelCase; timestamps are ISO 8601 UTC " +
        "with Z. occurrenceCount counts sightings: one per market instance (one market with one line, e.g. Over/Under 2.5) " +
        "per event snapshot. Errors are RFC 9457 problem+json. Realtime messages (Socket.IO, path /socket.io, topics " +
        "unmapped_alerts and scrape_progress) are described in the README.",
    },
    components: { schemas: { Problem: schema(problemSchema) } },
    paths: {
      "/api/unmapped": {
        get: {
          summary: "List unmapped markets",
          description:
            "Filtered, sorted and paged in the database. Ties are broken by id in the same direction, so pages are stable. " +
            "priorityScore = ln(1 + occurrenceCount) - days since lastSeenAt.",
          parameters: queryParameters(unmappedListQuerySchema),
          responses: { 200: body(unmappedListSchema), 400: problem("Invalid query; errors[] names each field") },
        },
      },
      "/api/unmapped/{id}": {
        get: {
          summary: "One unmapped market with samples, lines and notes",
          parameters: [idParameter("Unmapped market")],
          responses: { 200: body(unmappedDetailSchema, "ETag carries the version"), 404: problem("No such market") },
        },
        patch: {
          summary: "Change status and/or notes",
          description: "Send If-Match with the ETag from GET to refuse the edit (412) if someone changed the market since.",
          parameters: [
            idParameter("Unmapped market"),
            { name: "If-Match", in: "header", required: false, schema: { type: "string" } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: schema(unmappedPatchSchema, "input") } } },
          responses: {
            200: body(unmappedDetailSchema),
            400: problem("Invalid body (unknown fields, bad status, notes over 2000 characters)"),
            404: problem("No such market"),
            412: problem("The market changed since the ETag sent in If-Match"),
          },
        },
      },
      "/api/scrape": {
        post: {
          summary: "Start a scrape run now",
          parameters: queryParameters(scrapeTriggerQuerySchema),
          responses: {
            202: body(scrapeAcceptedSchema, "Started; follow it on the scrape_progress topic or GET /api/scrape/runs/{runId}"),
            200: body(scrapeRunSchema, "With wait=true: the finished run"),
            409: problem("A run is already going; runId names it"),
          },
        },
      },
      "/api/scrape/runs": {
        get: {
          summary: "Scrape runs, newest first",
          parameters: queryParameters(scrapeRunListQuerySchema),
          responses: { 200: body(scrapeRunListSchema), 400: problem("Invalid query") },
        },
      },
      "/api/scrape/runs/{id}": {
        get: {
          summary: "One scrape run",
          parameters: [idParameter("Scrape run")],
          responses: { 200: body(scrapeRunSchema), 404: problem("No such run") },
        },
      },
      "/api/health": {
        get: { summary: "Liveness and readiness", responses: { 200: body(healthSchema), 503: body(healthSchema, "Database unreachable") } },
      },
      "/api/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3.1" } } } },
    },
  };
}
