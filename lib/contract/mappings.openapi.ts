// The mapping operations: list, create, detail, edit, deactivate, history.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  canonicalIdParamsSchema,
  mappingCreateSchema,
  mappingDeleteQuerySchema,
  mappingDetailSchema,
  mappingListQuerySchema,
  mappingListSchema,
  mappingPatchSchema,
} from "./mappings";
import { etagHeader, historyOperation, jsonAnswer, jsonBody, locationHeader, operation, problem, versionedEdit } from "./openapi-kit";

const heldElsewhere = "a platform id is held by another active mapping (holder and field name it)";

export const mappingsPaths: ZodOpenApiPathsObject = {
  "/api/mappings": {
    get: operation(
      {
        operationId: "listMappings",
        summary: "Built-in and user mappings, merged as the scraper sees them",
        requestParams: { query: mappingListQuerySchema },
        responses: { "200": jsonAnswer(mappingListSchema, "One page of mappings, by name") },
      },
      { access: "viewer" },
    ),
    post: operation(
      {
        operationId: "createMapping",
        summary: "Create a user mapping (overrides a built-in entry with the same canonicalId)",
        requestBody: jsonBody(mappingCreateSchema),
        responses: {
          "201": jsonAnswer(mappingDetailSchema, "Created; the scraper uses it from its next lookup", { ...locationHeader, ...etagHeader }),
          "409": problem(`An active user mapping with this canonicalId exists, or ${heldElsewhere}`),
        },
      },
      { access: "triager" },
    ),
  },
  "/api/mappings/{canonicalId}": {
    get: operation(
      {
        operationId: "getMapping",
        summary: "The mapping that applies for this canonicalId, with outcomes and the built-in entry it overrides",
        requestParams: { path: canonicalIdParamsSchema },
        responses: { "200": jsonAnswer(mappingDetailSchema, "The mapping; ETag carries a user mapping's version", etagHeader) },
      },
      { access: "viewer" },
    ),
    patch: versionedEdit(
      {
        operationId: "updateMapping",
        summary: "Edit a user mapping; on a built-in entry, create its user override",
        what: "mapping",
        path: canonicalIdParamsSchema,
        body: mappingPatchSchema,
        edited: mappingDetailSchema,
        responses: {
          "409": problem(`${heldElsewhere[0].toUpperCase()}${heldElsewhere.slice(1)}`),
          "422": problem("The edit would leave no platform id (sportybetId or bet9jaKey)"),
        },
      },
      { access: "triager" },
    ),
    delete: operation(
      {
        operationId: "deactivateMapping",
        summary: "Deactivate the user mapping; the built-in entry with the same id, if any, applies again",
        description: "Markets it covered reopen as NEW (regressed, announced again) when next sighted.",
        requestParams: { path: canonicalIdParamsSchema, query: mappingDeleteQuerySchema },
        responses: {
          "200": jsonAnswer(mappingDetailSchema, "What applies now for this canonicalId"),
          "409": problem("A built-in entry with no active user override: nothing to deactivate"),
        },
      },
      { access: "triager" },
    ),
  },
  "/api/mappings/{canonicalId}/history": {
    get: historyOperation("getMappingHistory", "The mapping's change history, newest first", canonicalIdParamsSchema, { access: "viewer" }),
  },
};
