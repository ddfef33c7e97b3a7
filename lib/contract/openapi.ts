// The OpenAPI 3.1 document, generated from the same zod schemas the handlers parse with.
import { z } from "zod";
import { idParamSchema, problemSchema } from "./common";
import { healthSchema } from "./health";
import { scrapeAcceptedSchema, scrapeRunListQuerySchema, scrapeRunListSchema, scrapeRunSchema, scrapeTriggerQuerySchema } from "./scrape";
import { unmappedDetailSchema, unmappedListQuerySchema, unmappedListSchema, unmappedPatchSchema } from "./unmapped";
import { auditListSchema, auditQuerySchema, historyQuerySchema } from "./audit";
import {
  candidatesSchema,
  mapMarketSchema,
  mapResultSchema,
  mappingCreateSchema,
  mappingDeleteQuerySchema,
  mappingDetailSchema,
  mappingListQuerySchema,
  mappingListSchema,
  mappingPatchSchema,
  slugSchema,
} from "./mappings";
import { statsQuerySchema, statsSchema } from "./stats";

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

const canonicalIdParameter = {
  name: "canonicalId",
  in: "path",
  required: true,
  description: "Mapping slug; anything else is 404",
  schema: schema(slugSchema, "input"),
};
const jsonBody = (s: z.ZodType) => ({ required: true, content: { "application/json": { schema: schema(s, "input") } } });

const body = (s: z.ZodType, description?: string) => ({
  description,
  content: { "application/json": { schema: schema(s) } },
});
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

type Operation = { requestBody?: unknown; responses: Record<string, unknown> };

/**
 * Answers every operation can give besides its own: the database unreachable (503 with
 * Retry-After), a body over the limit (413) and non-UTF-8 text (400) where a body is read.
 * 404 for unknown paths and 405 with Allow for other methods hold for the whole API (see info).
 */
function withCommonAnswers<T extends Record<string, Record<string, Operation>>>(paths: T): T {
  for (const [path, item] of Object.entries(paths)) {
    for (const op of Object.values(item)) {
      if (path !== "/api/health" && path !== "/api/openapi.json") {
        op.responses[503] ??= {
          ...problem("The database is not answering; try again after the Retry-After seconds"),
          headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds" } },
        };
      }
      if (op.requestBody) {
        op.responses[413] ??= problem("The body is over API_MAX_BODY_BYTES (refused before it is read)");
        op.responses[400] ??= problem("Invalid body (errors[] names each field)");
      }
    }
  }
  return paths;
}

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
        "unmapped_alerts and scrape_progress) are described in the README. A path no route serves is 404, a method a route " +
        "does not serve is 405 with Allow, and text with NUL or unpaired surrogates is 400, all as problem+json.",
    },
    components: { schemas: { Problem: schema(problemSchema) } },
    paths: withCommonAnswers({
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
          parameters: [idParameter("Unmapped market"), { name: "If-Match", in: "header", required: false, schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/json": { schema: schema(unmappedPatchSchema, "input") } } },
          responses: {
            200: body(unmappedDetailSchema),
            400: problem("Invalid body (unknown fields, bad status, notes over 2000 characters)"),
            404: problem("No such market"),
            412: problem("The market changed since the ETag sent in If-Match"),
            422: problem("status MAPPED: a market is mapped by POST /api/unmapped/{id}/map, which creates the mapping behind it"),
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
      "/api/unmapped/{id}/map": {
        post: {
          summary: "Turn the market into a mapping",
          description:
            "Extends the mapping named by canonicalId with this market's platform id/key (as a user override of a built-in " +
            "entry when needed), or creates a new user mapping (name and betpawaId required). In one transaction: the mapping " +
            "change, the market's status MAPPED and the audit entries; the scraper uses the mapping from its next lookup. " +
            "Refused (422) when the mapping would still leave this market unmapped.",
          parameters: [idParameter("Unmapped market")],
          requestBody: jsonBody(mapMarketSchema),
          responses: {
            200: body(mapResultSchema),
            400: problem("Invalid body"),
            404: problem("No such market"),
            409: problem("Already MAPPED, or the platform id is held by another mapping (holder named)"),
            422: problem("Missing name/betpawaId for a new mapping, or the mapping would not cover the market"),
          },
        },
      },
      "/api/unmapped/{id}/candidates": {
        get: {
          summary: "Mappings and other platforms' unmapped markets that likely mean the same market",
          parameters: [idParameter("Unmapped market")],
          responses: { 200: body(candidatesSchema), 404: problem("No such market") },
        },
      },
      "/api/unmapped/{id}/history": {
        get: {
          summary: "The market's status, notes and mapping history, newest first",
          parameters: [idParameter("Unmapped market"), ...queryParameters(historyQuerySchema)],
          responses: { 200: body(auditListSchema), 404: problem("No such market") },
        },
      },
      "/api/mappings": {
        get: {
          summary: "Built-in and user mappings, merged as the scraper sees them",
          parameters: queryParameters(mappingListQuerySchema),
          responses: { 200: body(mappingListSchema), 400: problem("Invalid query") },
        },
        post: {
          summary: "Create a user mapping (overrides a built-in entry with the same canonicalId)",
          requestBody: jsonBody(mappingCreateSchema),
          responses: {
            201: body(mappingDetailSchema),
            400: problem("Invalid body"),
            409: problem("An active user mapping with this canonicalId exists, or a platform id is held by another mapping"),
          },
        },
      },
      "/api/mappings/{canonicalId}": {
        get: {
          summary: "The mapping that applies for this canonicalId, with outcomes",
          parameters: [canonicalIdParameter],
          responses: { 200: body(mappingDetailSchema), 404: problem("No such mapping") },
        },
        patch: {
          summary: "Edit a user mapping; on a built-in entry, create its user override",
          parameters: [canonicalIdParameter, { name: "If-Match", in: "header", required: false, schema: { type: "string" } }],
          requestBody: jsonBody(mappingPatchSchema),
          responses: {
            200: body(mappingDetailSchema),
            400: problem("Invalid body"),
            404: problem("No such mapping"),
            409: problem("A platform id is held by another mapping"),
            412: problem("Stale If-Match"),
            422: problem("No platform id left"),
          },
        },
        delete: {
          summary: "Deactivate the user mapping; the built-in entry with the same id, if any, applies again",
          parameters: [canonicalIdParameter, ...queryParameters(mappingDeleteQuerySchema)],
          responses: {
            200: body(mappingDetailSchema, "What applies now"),
            404: problem("No such mapping"),
            409: problem("Built-in only: nothing to deactivate"),
          },
        },
      },
      "/api/mappings/{canonicalId}/history": {
        get: {
          summary: "The mapping's change history, newest first",
          parameters: [canonicalIdParameter, ...queryParameters(historyQuerySchema)],
          responses: { 200: body(auditListSchema), 404: problem("No such mapping") },
        },
      },
      "/api/audit": {
        get: {
          summary: "Every status, notes and mapping change, newest first",
          parameters: queryParameters(auditQuerySchema),
          responses: { 200: body(auditListSchema), 400: problem("Invalid query") },
        },
      },
      "/api/stats": {
        get: {
          summary: "Counts by status and platform; coverage of the last run and per run over time",
          parameters: queryParameters(statsQuerySchema),
          responses: { 200: body(statsSchema), 400: problem("Invalid query") },
        },
      },
      "/api/health": {
        get: { summary: "Liveness and readiness", responses: { 200: body(healthSchema), 503: body(healthSchema, "Database unreachable") } },
      },
      "/api/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3.1" } } } },
    }),
  };
}
