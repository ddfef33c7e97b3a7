// The coverage-watch operations: the alerts (every role) and their dismissal (triager). The socket
// message (coverage_alert) is in the README; the webhook event (mapping.coverage_dropped) with the
// other webhook events.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { coverageAlertIdParamsSchema, coverageAlertListSchema, coverageAlertSchema, coverageListQuerySchema } from "./coverage";
import { jsonAnswer, listAnswer, operation, problem, read } from "./openapi-kit";

export const coveragePaths: ZodOpenApiPathsObject = {
  "/api/coverage-alerts": {
    get: read("listCoverageAlerts", "Mapped markets a platform stopped offering, or whose outcome names changed", {
      description:
        "Raised after each run, per platform whose part of the run completed: dropped (offered in more than half of the platform's events " +
        "of the previous run, in none of this one) or outcomes_changed (outcome names the mapping does not name, new since the previous run). " +
        "One open alert per mapping, platform and kind; a later run that offers the market again (or whose names match again) resolves it. " +
        "Open ones by default; newest first, paged by cursor (nextCursor and Link).",
      query: coverageListQuerySchema,
      ok: listAnswer(coverageAlertListSchema, "One page of alerts"),
    }),
  },
  "/api/coverage-alerts/{id}/dismiss": {
    post: operation("triager", "dismissCoverageAlert", "Dismiss an open alert", {
      description:
        "Resolves it now, recording who dismissed it. A market that is still missing raises no new alert on the next run (the watch " +
        "compares each run with the one before, which did not offer it either); one that comes back and drops again does.",
      path: coverageAlertIdParamsSchema,
      responses: {
        "200": jsonAnswer(coverageAlertSchema, "The alert, resolved"),
        "409": problem("The alert is already resolved or dismissed"),
      },
    }),
  },
};
