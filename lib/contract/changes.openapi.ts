// Undoing a change: every PATCH of a market and every bulk change answers a changeId.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { jsonAnswer, operation, problem } from "./openapi-kit";
import { changeParamsSchema, undoResultSchema } from "./unmapped";

export const changesPaths: ZodOpenApiPathsObject = {
  "/api/changes/{changeId}/undo": {
    post: operation("triager", "undoChange", "Undo a change: restore each market it touched that nobody changed since", {
      description:
        "Any triager may undo any change (triage is a team's shared work, and the undo is itself audited with reason " +
        '"Undo of change <id>"). In one transaction: each market still at the version the change left it at gets back its ' +
        "status, notes, assignee and snooze (version + 1, audited); the others are listed as skipped with the reason.",
      path: changeParamsSchema,
      responses: {
        "200": jsonAnswer(undoResultSchema, "What was restored and what was skipped"),
        "409": problem("The change was already undone"),
      },
    }),
  },
};
