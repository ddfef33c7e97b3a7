// The comment and activity operations of a market: comments (read by everyone, written by
// triagers, changed by their author or an admin) and the timeline merging them with its history.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  activityListSchema,
  activityQuerySchema,
  commentBodySchema,
  commentListSchema,
  commentParamsSchema,
  commentQuerySchema,
  commentSchema,
} from "./comments";
import { idParamsSchema } from "./common";
import { jsonAnswer, jsonBody, locationHeader, operation, problem } from "./openapi-kit";

const announced = "Announced to open pages as unmapped_updated { id, version (unchanged by comments), changed: [comments] }.";
const asText =
  "The body is plain text, stored as sent after trimming (1-4000 characters): markup in it is kept verbatim and must be shown as text.";
const ownOrAdmin = problem("The comment is someone else's and the caller is not an admin (or the role is below triager)");

export const commentsPaths: ZodOpenApiPathsObject = {
  "/api/unmapped/{id}/comments": {
    get: operation(
      {
        operationId: "listComments",
        summary: "A market's comments, newest first",
        requestParams: { path: idParamsSchema, query: commentQuerySchema },
        responses: { "200": jsonAnswer(commentListSchema, "One page of comments; author is null when the account was deleted") },
      },
      { access: "viewer" },
    ),
    post: operation(
      {
        operationId: "createComment",
        summary: "Comment on a market",
        description: `The author is the caller's person (an API token writes as its owner). ${asText} ${announced}`,
        requestParams: { path: idParamsSchema },
        requestBody: jsonBody(commentBodySchema),
        responses: { "201": jsonAnswer(commentSchema, "The comment as stored", locationHeader) },
      },
      { access: "triager" },
    ),
  },
  "/api/unmapped/{id}/comments/{commentId}": {
    get: operation(
      {
        operationId: "getComment",
        summary: "One comment of a market",
        requestParams: { path: commentParamsSchema },
        responses: {
          "200": jsonAnswer(commentSchema, "The comment"),
          "404": problem("No such market, or the comment is not this market's"),
        },
      },
      { access: "viewer" },
    ),
    patch: operation(
      {
        operationId: "updateComment",
        summary: "Edit a comment: its author, or an admin (sets editedAt)",
        description: `${asText} ${announced}`,
        requestParams: { path: commentParamsSchema },
        requestBody: jsonBody(commentBodySchema),
        responses: {
          "200": jsonAnswer(commentSchema, "The comment after the edit"),
          "403": ownOrAdmin,
          "404": problem("No such market, or the comment is not this market's"),
        },
      },
      { access: "triager" },
    ),
    delete: operation(
      {
        operationId: "deleteComment",
        summary: "Delete a comment: its author, or an admin",
        description: announced,
        requestParams: { path: commentParamsSchema },
        responses: {
          "204": { description: "Deleted" },
          "403": ownOrAdmin,
          "404": problem("No such market, or the comment is not this market's"),
        },
      },
      { access: "triager" },
    ),
  },
  "/api/unmapped/{id}/activity": {
    get: operation(
      {
        operationId: "getUnmappedActivity",
        summary: "A market's activity timeline: comments and history entries, newest first",
        description:
          "One timeline of comments (kind comment) and history entries (kind event: status, notes, assignee, snooze, mapped, and the " +
          "scraper's regressed, unsnoozed and escalated), ordered by time then id, newest first, paged. Entries are the history's own (GET …/history).",
        requestParams: { path: idParamsSchema, query: activityQuerySchema },
        responses: { "200": jsonAnswer(activityListSchema, "One page of the timeline") },
      },
      { access: "viewer" },
    ),
  },
};
