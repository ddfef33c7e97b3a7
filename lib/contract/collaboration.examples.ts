// Examples of the comment, activity, saved-view and people bodies and answers, for the OpenAPI
// document (`.meta({ examples })` on each schema); parsed by its own schema in
// openapi.test.ts, so none drifts from what the API accepts and sends.
import { auditEntryExample } from "./system.examples";
import { personExample } from "./unmapped.examples";

export const commentBodyExample = {
  body: "SportyBet only lists this on the Premier League; Bet9ja calls it S_HTCSOU. Mapping both after lunch.",
};

export const commentExample = {
  id: 733,
  marketId: 4182,
  author: personExample,
  authorName: personExample.name,
  body: commentBodyExample.body,
  createdAt: "2026-12-06T09:14:03.512Z",
  editedAt: null,
};

export const commentListExample = { items: [commentExample], total: 1, page: 1, pageSize: 50 };

export const activityListExample = {
  items: [
    { kind: "comment", at: commentExample.createdAt, comment: commentExample },
    { kind: "event", at: auditEntryExample.createdAt, event: auditEntryExample },
  ],
  total: 2,
  page: 1,
  pageSize: 50,
};

export const savedViewCreateExample = {
  name: "Bet9ja escalating",
  query: { source: "bet9ja", status: ["NEW", "ACKNOWLEDGED"], escalating: "true", sort: "priority" },
  shared: true,
};

export const savedViewPatchExample = { name: "Bet9ja escalating (team)" };

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
};

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
};

export const peopleExample = {
  items: [
    { ...personExample, role: "triager" },
    { id: "m2Qe7WcT0aKz5LbN9yHs3pFv", name: "Bola Adeyemi", role: "admin" },
  ],
};
