// Examples of the comment, activity, saved-view and people bodies and answers for the OpenAPI document: openapi-examples.ts puts each
// on the media type of its schema. Typed with the schemas' types here, and parsed by the schemas in
// openapi.test.ts (formats, lengths, refinements), so none drifts from what the API accepts and sends.
import type { z } from "zod";
import type * as C from "./comments";
import type * as V from "./views";
import { auditEntryExample } from "./system.examples";
import { personExample } from "./unmapped.examples";

export const commentBodyExample = {
  body: "SportyBet only lists this on the Premier League; Bet9ja calls it S_HTCSOU. Mapping both after lunch.",
} satisfies z.input<typeof C.commentBodySchema>;

export const commentExample = {
  id: 733,
  marketId: 4182,
  author: personExample,
  authorName: personExample.name,
  body: commentBodyExample.body,
  createdAt: "2026-12-06T09:14:03.512Z",
  editedAt: null,
} satisfies z.input<typeof C.commentSchema>;

export const commentListExample = { items: [commentExample], total: 1, page: 1, pageSize: 50, nextCursor: null } satisfies z.input<
  typeof C.commentListSchema
>;

export const activityListExample = {
  items: [
    { kind: "comment", at: commentExample.createdAt, comment: commentExample },
    { kind: "event", at: auditEntryExample.createdAt, event: auditEntryExample },
  ],
  total: 2,
  page: 1,
  pageSize: 50,
  nextCursor: null,
} satisfies z.input<typeof C.activityListSchema>;

export const savedViewCreateExample = {
  name: "Bet9ja escalating",
  query: { source: "bet9ja", status: ["NEW", "ACKNOWLEDGED"], escalating: "true", sort: "priority" },
  shared: true,
} satisfies z.input<typeof V.savedViewCreateSchema>;

export const savedViewPatchExample = { name: "Bet9ja escalating (team)" } satisfies z.input<typeof V.savedViewPatchSchema>;

export const savedViewExample = {
  id: 12,
  name: savedViewCreateExample.name,
  query: savedViewCreateExample.query,
  shared: true,
  owner: personExample,
  mine: true,
  count: 7,
  countCapped: false,
  createdAt: "2026-12-05T16:02:40.117Z",
  updatedAt: "2026-12-05T16:02:40.117Z",
} satisfies z.input<typeof V.savedViewSchema>;

export const savedViewListExample = {
  items: [
    savedViewExample,
    {
      ...savedViewExample,
      id: 15,
      name: "Mine, by sightings",
      query: { assignee: "me", sort: "occurrenceCount" },
      shared: false,
      count: 3,
    },
  ],
  nextCursor: null,
} satisfies z.input<typeof V.savedViewListSchema>;

export const peopleExample = {
  items: [
    { ...personExample, role: "triager" },
    { id: "m2Qe7WcT0aKz5LbN9yHs3pFv", name: "Bola Adeyemi", role: "admin" },
  ],
  nextCursor: null,
} satisfies z.input<typeof V.peopleSchema>;
