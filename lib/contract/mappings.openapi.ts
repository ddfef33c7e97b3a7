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
import { created, etagHeader, history, jsonAnswer, listAnswer, operation, problem, read, versionedEdit } from "./openapi-kit";

const heldElsewhere = "a platform id is held by another active mapping (holder and field name it)";

export const mappingsPaths: ZodOpenApiPathsObject = {
  "/api/mappings": {
    get: read("listMappings", "Built-in and user mappings, merged as the scraper sees them", {
      description:
        "A user mapping (priority 1) overrides the built-in entry with its canonicalId, which is then listed inactive. Sorted by " +
        "any item field but priority (missing platform ids last), filtered by origin, platform, active and q, paged.",
      query: mappingListQuerySchema,
      ok: listAnswer(mappingListSchema, "One page of mappings, by name"),
    }),
    post: operation("triager", "createMapping", "Create a user mapping (overrides a built-in entry with the same canonicalId)", {
      description:
        "At least one of sportybetId/bet9jaKey and one outcome. A field that may be null may be left out (it is null), and so may an " +
        "outcome's platform names and position (list order). The change is audited with reason; the scraper uses it from its next lookup.",
      body: mappingCreateSchema,
      responses: {
        "201": created(mappingDetailSchema, "Created; the scraper uses it from its next lookup", etagHeader),
        "409": problem(`An active user mapping with this canonicalId exists, or ${heldElsewhere}`),
      },
    }),
  },
  "/api/mappings/{canonicalId}": {
    get: read("getMapping", "The mapping that applies for this canonicalId, with outcomes and the built-in entry it overrides", {
      description: "version and the ETag exist for user mappings only; send the ETag as If-Match to PATCH.",
      path: canonicalIdParamsSchema,
      ok: jsonAnswer(mappingDetailSchema, "The mapping; ETag carries a user mapping's version", etagHeader),
    }),
    patch: versionedEdit("triager", "updateMapping", "Edit a user mapping; on a built-in entry, create its user override", {
      description:
        "A field left out stays as it is; null clears a platform id; outcomes, when sent, replace the list. On a built-in entry " +
        "the edit creates the user override (version 1). Audited with reason; the scraper uses it from its next lookup.",
      what: "mapping",
      path: canonicalIdParamsSchema,
      body: mappingPatchSchema,
      edited: mappingDetailSchema,
      responses: {
        "409": problem(`${heldElsewhere[0].toUpperCase()}${heldElsewhere.slice(1)}`),
        "422": problem("The edit would leave no platform id (sportybetId or bet9jaKey)"),
      },
    }),
    delete: operation(
      "triager",
      "deactivateMapping",
      "Deactivate the user mapping; the built-in entry with the same id, if any, applies again",
      {
        description: "Markets it covered reopen as NEW (regressed, announced again) when next sighted.",
        path: canonicalIdParamsSchema,
        query: mappingDeleteQuerySchema,
        responses: {
          "200": jsonAnswer(mappingDetailSchema, "What applies now for this canonicalId"),
          "409": problem("A built-in entry with no active user override: nothing to deactivate"),
        },
      },
    ),
  },
  "/api/mappings/{canonicalId}/history": {
    get: history("getMappingHistory", "The mapping's change history, newest first", canonicalIdParamsSchema),
  },
};
