// The unmapped-market operations: list, detail, triage edit, map, candidates, history.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { idParamsSchema } from "./common";
import { candidatesSchema, mapMarketSchema, mapResultSchema } from "./mappings";
import { etagHeader, historyOperation, jsonAnswer, jsonBody, operation, problem, versionedEdit } from "./openapi-kit";
import { unmappedDetailSchema, unmappedListQuerySchema, unmappedListSchema, unmappedPatchSchema } from "./unmapped";

export const unmappedPaths: ZodOpenApiPathsObject = {
  "/api/unmapped": {
    get: operation(
      {
        operationId: "listUnmapped",
        summary: "List unmapped markets",
        description:
          "Filtered, sorted and paged in the database. Ties are broken by id in the same direction, so pages are stable. " +
          "priorityScore = ln(1 + occurrenceCount) - days since lastSeenAt. With only source/status/reason filters total is exact; " +
          "with q or minOccurrences it is counted up to 10,000 (totalCapped).",
        requestParams: { query: unmappedListQuerySchema },
        responses: { "200": jsonAnswer(unmappedListSchema, "One page of markets") },
      },
      { access: "viewer" },
    ),
  },
  "/api/unmapped/{id}": {
    get: operation(
      {
        operationId: "getUnmapped",
        summary: "One unmapped market with samples, lines, notes and impact",
        requestParams: { path: idParamsSchema },
        responses: { "200": jsonAnswer(unmappedDetailSchema, "The market; ETag carries its version", etagHeader) },
      },
      { access: "viewer" },
    ),
    patch: versionedEdit(
      {
        operationId: "updateUnmapped",
        summary: "Change status and/or notes",
        description:
          "Each change is recorded in the market's history with reason. Send If-Match with the ETag from GET to refuse the edit (412) if someone changed the market since.",
        what: "market",
        path: idParamsSchema,
        body: unmappedPatchSchema,
        edited: unmappedDetailSchema,
        responses: {
          "400": problem("Invalid body (unknown fields, bad status, notes over 2000 characters) or a malformed If-Match"),
          "422": problem("status MAPPED: a market is mapped by POST /api/unmapped/{id}/map, which creates the mapping behind it"),
        },
      },
      { access: "triager" },
    ),
  },
  "/api/unmapped/{id}/map": {
    post: operation(
      {
        operationId: "mapMarket",
        summary: "Turn the market into a mapping",
        description:
          "Extends the mapping named by canonicalId with this market's platform id/key (as a user override of a built-in " +
          "entry when needed), or creates a new user mapping (name and betpawaId required). In one transaction: the mapping " +
          "change, the market's status MAPPED and the history entries; the scraper uses the mapping from its next lookup. " +
          "Refused (422) when the mapping would still leave this market unmapped.",
        requestParams: { path: idParamsSchema },
        requestBody: jsonBody(mapMarketSchema),
        responses: {
          "200": jsonAnswer(mapResultSchema, "The mapping as it now applies, and the market (MAPPED)"),
          "409": problem("Already MAPPED, or the platform id is held by another mapping (holder names it)"),
          "422": problem("Missing name/betpawaId for a new mapping, or the mapping would not cover the market"),
        },
      },
      { access: "triager" },
    ),
  },
  "/api/unmapped/{id}/candidates": {
    get: operation(
      {
        operationId: "getUnmappedCandidates",
        summary: "Mappings and other platforms' unmapped markets that likely mean the same market",
        requestParams: { path: idParamsSchema },
        responses: { "200": jsonAnswer(candidatesSchema, "Ranked candidates with scores, reasons and outcome pairings") },
      },
      { access: "viewer" },
    ),
  },
  "/api/unmapped/{id}/history": {
    get: historyOperation("getUnmappedHistory", "The market's status, notes and mapping history, newest first", idParamsSchema, {
      access: "viewer",
    }),
  },
};
