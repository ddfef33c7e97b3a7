// Saved views (named list queries, personal or shared) and the people directory for pickers.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { jsonAnswer, jsonBody, locationHeader, operation, problem } from "./openapi-kit";
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
    get: operation(
      {
        operationId: "listViews",
        summary: "The caller's saved views, then everyone's shared views, each with its count",
        description: `${counted} All counts are made in one database statement.`,
        responses: { "200": jsonAnswer(savedViewListSchema, "The caller's own views (oldest first), then others' shared views") },
      },
      { access: "viewer" },
    ),
    post: operation(
      {
        operationId: "createView",
        summary: "Save a list query as a named view",
        description: rules,
        requestBody: jsonBody(savedViewCreateSchema),
        responses: {
          "201": jsonAnswer(savedViewSchema, "The view with its count", locationHeader),
          "403": problem("shared: true from a viewer (sharing needs the triager role)"),
          "409": problem(`The caller has a view of this name already (errors names body.name), or ${VIEWS_PER_PERSON_MAX} views`),
        },
      },
      { access: "viewer" },
    ),
  },
  "/api/views/{id}": {
    get: operation(
      {
        operationId: "getView",
        summary: "One saved view (the caller's own or a shared one) with its count",
        description: counted,
        requestParams: { path: viewParamsSchema },
        responses: { "200": jsonAnswer(savedViewSchema, "The view"), "404": notVisible },
      },
      { access: "viewer" },
    ),
    patch: operation(
      {
        operationId: "updateView",
        summary: "Rename a view, change its query, or share / unshare it",
        description: rules,
        requestParams: { path: viewParamsSchema },
        requestBody: jsonBody(savedViewPatchSchema),
        responses: {
          "200": jsonAnswer(savedViewSchema, "The view after the change"),
          "403": problem("A shared view of someone else and the caller is not an admin, or a viewer sharing a view"),
          "404": notVisible,
          "409": problem("The owner has a view of this name already (errors names body.name)"),
        },
      },
      { access: "viewer" },
    ),
    delete: operation(
      {
        operationId: "deleteView",
        summary: "Delete a view: its owner, or an admin for a shared one",
        requestParams: { path: viewParamsSchema },
        responses: {
          "204": { description: "Deleted" },
          "403": problem("A shared view of someone else and the caller is not an admin"),
          "404": notVisible,
        },
      },
      { access: "viewer" },
    ),
  },
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
