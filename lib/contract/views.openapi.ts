// Saved views (named list queries, personal or shared) and the people directory for pickers.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { jsonAnswer, operation } from "./openapi-kit";
import { peopleSchema } from "./views";

export const viewsPaths: ZodOpenApiPathsObject = {
  "/api/people": {
    get: operation(
      {
        operationId: "listPeople",
        summary: "Everyone who can be assigned: enabled people with their role, by name",
        responses: { "200": jsonAnswer(peopleSchema, "Enabled people, sorted by name (disabled people are left out)") },
      },
      { access: "viewer" },
    ),
  },
};
