// Examples of the unmapped-market bodies and answers for the OpenAPI document: openapi-examples.ts puts each
// on the media type of its schema. Typed with the schemas' types here, and parsed by the schemas in
// openapi.test.ts (formats, lengths, refinements), so none drifts from what the API accepts and sends.
import type { z } from "zod";
import type * as U from "./unmapped";

/** The person the examples assign markets to (better-auth ids are random URL-safe strings). */
export const personExample = { id: "Xr4pQ9sLw2bN7cVk1mTz8hJd", name: "Ada Okafor" } satisfies z.input<typeof U.personRefSchema>;

const itemExample = {
  id: 4182,
  source: "sportybet",
  externalMarketId: "818",
  marketName: "1st Half - Correct Score & Total Goals",
  reason: "UNKNOWN_MARKET",
  status: "NEW",
  occurrenceCount: 312,
  firstSeenAt: "2026-12-01T06:02:11.408Z",
  lastSeenAt: "2026-12-06T08:45:37.120Z",
  regressedAt: null,
  // 2.7 h after the latest sighting: the kickoff term adds 2 / (1 + 2.7 / 6) = 1.37.
  nextKickoffAt: "2026-12-06T11:30:00.000Z",
  priorityScore: 7.08,
  assignee: null,
  escalating: false,
  snooze: null,
} satisfies U.UnmappedItem;

export const unmappedListExample = {
  items: [
    { ...itemExample, trend: [38, 41, 36, 52] },
    {
      ...itemExample,
      id: 4190,
      source: "bet9ja",
      externalMarketId: "S_HTFTOU",
      marketName: "HT/FT & Over/Under",
      reason: "UNKNOWN_PARAM_MARKET",
      status: "ACKNOWLEDGED",
      occurrenceCount: 96,
      nextKickoffAt: null,
      priorityScore: 4.57,
      assignee: personExample,
      escalating: true,
      trend: [8, 9, 7, 31],
    },
  ],
  total: 2,
  totalCapped: false,
  page: 1,
  pageSize: 50,
  nextCursor: null,
} satisfies z.input<typeof U.unmappedListSchema>;

export const unmappedDetailExample = {
  ...itemExample,
  sampleOutcomes: [
    { name: "1:0 & Over 0.5", odds: 6.4 },
    { name: "0:0 & Under 0.5", odds: 3.15 },
    { name: "Other", odds: null },
  ],
  specifiers: ["total=0.5", "total=1.5"],
  notes: "Half-time combo; check whether betpawa offers it before mapping",
  updatedAt: "2026-12-06T08:50:02.331Z",
  version: 3,
  mappedAt: null,
  mappingCanonicalId: null,
  impact: { runId: 57, events: 34, sightings: 68, share: 0.0042 },
} satisfies z.input<typeof U.unmappedDetailSchema>;

export const unmappedPatchExample = {
  status: "ACKNOWLEDGED",
  notes: "Player prop: betpawa does not offer it",
  assigneeId: personExample.id,
  reason: "Taking it this morning",
} satisfies z.input<typeof U.unmappedPatchSchema>;

export const unmappedEditedExample = {
  ...unmappedDetailExample,
  status: "ACKNOWLEDGED",
  notes: unmappedPatchExample.notes,
  assignee: personExample,
  version: 4,
  updatedAt: "2026-12-06T09:12:44.018Z",
  changeId: "3f6c2a9e-8b1d-4c7e-9a52-1d0e6b4f7c38",
} satisfies z.input<typeof U.unmappedEditedSchema>;

export const bulkRequestExample = {
  filter: { source: ["bet9ja"], status: ["NEW"], q: "corner" },
  set: { status: "IGNORED", snooze: { sightings: 500 } },
  reason: "Corner specials: not offered until the spring release",
} satisfies z.input<typeof U.bulkRequestSchema>;

export const changeResultExample = { changeId: "0b9d7e21-54c3-4f1a-8e6d-92a4c07f3b15", count: 27 } satisfies z.input<
  typeof U.changeResultSchema
>;

export const undoResultExample = {
  changeId: changeResultExample.changeId,
  restored: [4182, 4190, 4203],
  skipped: [{ id: 4211, reason: "Changed since: now at version 6, the change left it at version 5" }],
} satisfies z.input<typeof U.undoResultSchema>;

export const trendExample = {
  runs: [
    { runId: 55, startedAt: "2026-12-06T08:30:00.004Z", sightings: 41, events: 21 },
    { runId: 56, startedAt: "2026-12-06T08:35:00.002Z", sightings: 0, events: 0 },
    { runId: 57, startedAt: "2026-12-06T08:40:00.011Z", sightings: 68, events: 34 },
  ],
} satisfies z.input<typeof U.trendSchema>;
