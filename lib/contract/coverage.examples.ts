// Examples of the coverage-watch answers for the OpenAPI document: openapi-examples.ts puts each on
// the media type of its schema, and openapi.test.ts parses each with its schema.
import type { z } from "zod";
import type * as C from "./coverage";

export const coverageAlertExample = {
  id: 17,
  canonicalId: "over_under_ft",
  mappingName: "Over/Under - Full Time",
  platform: "bet9ja",
  marketKey: "S_OU",
  kind: "dropped",
  runId: 412,
  details: { previousRunId: 411, previousEvents: 1480, previousOffered: 1462, events: 1491, offered: 0, newNames: [] },
  createdAt: "2026-12-06T09:15:02.877Z",
  resolvedAt: null,
  resolvedRunId: null,
  dismissedBy: null,
} satisfies z.input<typeof C.coverageAlertSchema>;

const outcomesChangedExample = {
  ...coverageAlertExample,
  id: 18,
  canonicalId: "1x2_ft",
  mappingName: "1X2 - Full Time",
  platform: "sportybet",
  marketKey: "1",
  kind: "outcomes_changed",
  details: { previousRunId: 411, previousEvents: 1502, previousOffered: 1502, events: 1497, offered: 1497, newNames: ["1", "2"] },
} satisfies z.input<typeof C.coverageAlertSchema>;

export const coverageAlertListExample = {
  items: [outcomesChangedExample, coverageAlertExample],
  nextCursor: null,
} satisfies z.input<typeof C.coverageAlertListSchema>;

export const coverageChangeExample = {
  runId: 412,
  count: 2,
  alerts: [coverageAlertExample, outcomesChangedExample],
  resolved: [9],
} satisfies z.input<typeof C.coverageChangeSchema>;
