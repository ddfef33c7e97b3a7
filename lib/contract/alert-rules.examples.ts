// Examples of the alert-rule bodies and answers for the OpenAPI document: openapi-examples.ts puts
// each on the media type of its schema, and openapi.test.ts parses each with its schema.
import type { z } from "zod";
import type * as A from "./alert-rules";

const ruleId = "3c8e1f52-6a0d-4b97-8e21-5d4f7a9c0b13";
const endpointId = "5f0c2a9e-8d47-4b1e-9c3a-7e2d61f4b8a0";

export const alertRuleCreateExample = {
  name: "Busy new Sportybet markets",
  enabled: true,
  conditions: {
    platforms: ["sportybet"],
    reasons: [],
    causes: ["new", "regressed"],
    minPriority: 50,
    minSightings: 3,
    pattern: "*corner*",
  },
  actions: { toast: true, webhookEndpointId: endpointId, chatUrl: "https://hooks.slack.example.com/services/T000/B000/XXXX" },
  throttleMinutes: 15,
} satisfies z.input<typeof A.alertRuleCreateSchema>;

export const alertRulePatchExample = {
  throttleMinutes: 30,
  actions: { chatUrl: null },
} satisfies z.input<typeof A.alertRulePatchSchema>;

export const alertRuleExample = {
  id: ruleId,
  name: alertRuleCreateExample.name,
  enabled: true,
  conditions: alertRuleCreateExample.conditions,
  actions: { toast: true, webhookEndpointId: endpointId, chatTarget: "https://hooks.slack.example.com" },
  throttleMinutes: 15,
  lastFiring: { at: "2026-12-06T09:15:02.877Z", count: 12 },
  firedTotal: 41,
  pending: { count: 3, since: "2026-12-06T09:21:40.112Z" },
  createdAt: "2026-12-01T08:00:00.000Z",
  updatedAt: "2026-12-05T17:30:00.000Z",
} satisfies z.input<typeof A.alertRuleSchema>;

const defaultRuleExample = {
  ...alertRuleExample,
  id: "0b7d3e94-2f16-4c58-a0e7-91c3d5b8f246",
  name: "Every new or reopened market",
  conditions: { platforms: [], reasons: [], causes: [], minPriority: null, minSightings: null, pattern: null },
  actions: { toast: true, webhookEndpointId: null, chatTarget: null },
  throttleMinutes: 0,
  lastFiring: { at: "2026-12-06T09:15:02.877Z", count: 27 },
  firedTotal: 318,
  pending: null,
  createdAt: "2026-11-30T12:00:00.000Z",
  updatedAt: "2026-11-30T12:00:00.000Z",
} satisfies z.input<typeof A.alertRuleSchema>;

export const alertRuleListExample = { items: [defaultRuleExample, alertRuleExample], nextCursor: null } satisfies z.input<
  typeof A.alertRuleListSchema
>;

const firingOf = ({ id, name, enabled, lastFiring, pending }: z.input<typeof A.alertRuleSchema>) => ({
  id,
  name,
  enabled,
  lastFiring,
  pending,
});

export const alertRuleFiringListExample = {
  items: [
    firingOf(defaultRuleExample),
    firingOf(alertRuleExample),
    { id: "9e4a7c21-5b3d-4f86-b1c9-2d7e8a6f0c35", name: "Escalations to chat", enabled: false, lastFiring: null, pending: null },
  ],
} satisfies z.input<typeof A.alertRuleFiringListSchema>;
