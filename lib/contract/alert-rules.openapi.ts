// The alert-rule operations: the rules themselves (admin) and their firing state for the dashboard
// (every role). The notifications they send are described with the webhook events (alert.fired).
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  alertRuleCreateSchema,
  alertRuleFiringListSchema,
  alertRuleIdParamsSchema,
  alertRuleListSchema,
  alertRulePatchSchema,
  alertRuleSchema,
} from "./alert-rules";
import { created, deletion, jsonAnswer, operation, problem, WHOLE_UNLESS_PAGED, wholeList } from "./openapi-kit";

const refused = problem(
  "Invalid body (errors[] names each field); a chatUrl that is not http(s) or points at a loopback, link-local or private address is refused naming body.actions.chatUrl",
);
const unusable = problem(
  "The body is well formed but cannot apply: actions.webhookEndpointId names no endpoint of GET /api/webhooks, or no action would be left (errors[] names the field)",
);

export const alertRulesPaths: ZodOpenApiPathsObject = {
  "/api/alert-rules": {
    get: wholeList("admin", "listAlertRules", "The alert rules, oldest first", {
      description: `Every rule with its conditions, actions (a chat URL only as its origin), throttle, latest notification and the markets waiting for the next one. ${WHOLE_UNLESS_PAGED}`,
      items: alertRuleListSchema,
      answer: "The rules",
    }),
    post: operation("admin", "createAlertRule", "Create a rule: which announced markets notify, where, and at most how often", {
      description:
        "Conditions left out match anything; at least one action is needed. A chatUrl must be http(s) and, unless WEBHOOK_ALLOW_PRIVATE=true, " +
        "not a loopback, link-local or private address; it is never shown back (only its origin, as actions.chatTarget). The creation is audited.",
      body: alertRuleCreateSchema,
      responses: { "201": created(alertRuleSchema, "Created"), "400": refused, "422": unusable },
    }),
  },
  // Before /api/alert-rules/{id}: the first documented path that matches a request serves it.
  "/api/alert-rules/firings": {
    get: operation("viewer", "listAlertRuleFirings", "Each rule's latest notification and what waits for the next one", {
      description:
        "For the dashboard: every rule's name, whether it is on, its latest notification (when, how many markets) and the markets matched while throttled. " +
        "Neither conditions nor targets are in it, so every role may read it.",
      responses: { "200": jsonAnswer(alertRuleFiringListSchema, "Every rule, oldest first") },
    }),
  },
  "/api/alert-rules/{id}": {
    get: operation("admin", "getAlertRule", "One rule", {
      description: "The rule with its firing state; its chat URL only as its origin.",
      path: alertRuleIdParamsSchema,
      responses: { "200": jsonAnswer(alertRuleSchema, "The rule") },
    }),
    patch: operation("admin", "updateAlertRule", "Change a rule: only the fields sent change", {
      description:
        "Fields left out stay as they are; conditions, when sent, replace the whole set; of actions, only the action fields sent change " +
        "(chatUrl left out keeps the chat URL, null removes it, a new URL replaces it and switches its sending on again). " +
        "At least one action must remain. Its latest notification and pending markets are kept. The change is audited.",
      path: alertRuleIdParamsSchema,
      body: alertRulePatchSchema,
      responses: { "200": jsonAnswer(alertRuleSchema, "The rule as it is now"), "400": refused, "422": unusable },
    }),
    delete: deletion("admin", "deleteAlertRule", "Delete a rule with its chat target", {
      description: "Its pending markets are not notified and its chat URL's queued messages are dropped. The deletion is audited.",
      path: alertRuleIdParamsSchema,
    }),
  },
};
