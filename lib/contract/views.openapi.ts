// Saved views (named list queries, personal or shared) and the people directory for pickers.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { wholeListQuerySchema } from "./cursor";
import { created, deletion, jsonAnswer, listAnswer, operation, problem, read } from "./openapi-kit";
import {
  peopleSchema,
  VIEWS_PER_PERSON_MAX,
  savedViewCreateSchema,
  savedViewListSchema,
  savedViewPatchSchema,
  savedViewSchema,
  viewParamsSchema,
} from "./views";

const rules =
  "Any signed-in caller (viewers too) saves personal views; an API token's views are its owner's. Sharing a view (shared: true) " +
  "needs the triager role. A view is changed or deleted by its owner, or, when shared, by an admin; someone else's personal view " +
  `is 404. Names are unique per owner (409 naming body.name); a person keeps at most ${VIEWS_PER_PERSON_MAX} views. The query is checked against ` +
  "GET /api/unmapped's own query parameters (400 naming the field, e.g. body.query.status); assignee=me means whoever looks.";
const counted =
  "count is how many markets the view's query shows now for the caller (assignee=me is the caller), counted by the list's own SQL.";
const notVisible = problem("No such view, or it is someone else's personal view");

export const viewsPaths: ZodOpenApiPathsObject = {
  "/api/views": {
    get: read("listViews", "The caller's saved views, then everyone's shared views, each with its count", {
      description: `${counted} All counts are made in one database statement.`,
      query: wholeListQuerySchema,
      ok: listAnswer(savedViewListSchema, "The caller's own views (oldest first), then others' shared views"),
    }),
    post: operation("viewer", "createView", "Save a list query as a named view", {
      description: rules,
      body: savedViewCreateSchema,
      responses: {
        "201": created(savedViewSchema, "The view with its count"),
        "403": problem("shared: true from a viewer (sharing needs the triager role)"),
        "409": problem(`The caller has a view of this name already (errors names body.name), or ${VIEWS_PER_PERSON_MAX} views`),
      },
    }),
  },
  "/api/views/{id}": {
    get: read("getView", "One saved view (the caller's own or a shared one) with its count", {
      description: counted,
      path: viewParamsSchema,
      ok: jsonAnswer(savedViewSchema, "The view"),
      refusals: { "404": notVisible },
    }),
    patch: operation("viewer", "updateView", "Rename a view, change its query, or share / unshare it", {
      description: rules,
      path: viewParamsSchema,
      body: savedViewPatchSchema,
      responses: {
        "200": jsonAnswer(savedViewSchema, "The view after the change"),
        "403": problem("A shared view of someone else and the caller is not an admin, or a viewer sharing a view"),
        "404": notVisible,
        "409": problem("The owner has a view of this name already (errors names body.name)"),
      },
    }),
    delete: deletion("viewer", "deleteView", "Delete a view: its owner, or an admin for a shared one", {
      description: "Nothing else changes: a view only names a query. Someone else's personal view is 404, as if it did not exist.",
      path: viewParamsSchema,
      refusals: { "403": problem("A shared view of someone else and the caller is not an admin"), "404": notVisible },
    }),
  },
  "/api/people": {
    get: read("listPeople", "Everyone who can be assigned: enabled people with their role, by name", {
      description: "For assignee pickers and filters: send an id as PATCH /api/unmapped/{id} assigneeId or as the list's assignee filter.",
      query: wholeListQuerySchema,
      ok: listAnswer(peopleSchema, "Enabled people, sorted by name (disabled people are left out)"),
    }),
  },
};
