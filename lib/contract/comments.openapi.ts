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
import { created, deletion, jsonAnswer, listAnswer, operation, problem, read } from "./openapi-kit";

const announced = "Announced to open pages as unmapped_updated { id, version (unchanged by comments), changed: [comments] }.";
const asText =
  "The body is plain text, stored as sent after trimming (1-4000 characters): markup in it is kept verbatim and must be shown as text.";
const ownOrAdmin = problem("The comment is someone else's and the caller is not an admin (or the role is below triager)");
const notThisMarkets = problem("No such market, or the comment is not this market's");

export const commentsPaths: ZodOpenApiPathsObject = {
  "/api/unmapped/{id}/comments": {
    get: read("listComments", "A market's comments, newest first", {
      description: `Paged. ${asText.replace("The body is", "A body is")}`,
      path: idParamsSchema,
      query: commentQuerySchema,
      ok: listAnswer(commentListSchema, "One page of comments; author is null when the account was deleted"),
    }),
    post: operation("triager", "createComment", "Comment on a market", {
      description: `The author is the caller's person (an API token writes as its owner). ${asText} ${announced}`,
      path: idParamsSchema,
      body: commentBodySchema,
      responses: { "201": created(commentSchema, "The comment as stored") },
    }),
  },
  "/api/unmapped/{id}/comments/{commentId}": {
    get: read("getComment", "One comment of a market", {
      description: "editedAt is set once its author (or an admin) edits it; author is null when the account no longer exists.",
      path: commentParamsSchema,
      ok: jsonAnswer(commentSchema, "The comment"),
      refusals: { "404": notThisMarkets },
    }),
    patch: operation("triager", "updateComment", "Edit a comment: its author, or an admin (sets editedAt)", {
      description: `${asText} ${announced}`,
      path: commentParamsSchema,
      body: commentBodySchema,
      responses: { "200": jsonAnswer(commentSchema, "The comment after the edit"), "403": ownOrAdmin, "404": notThisMarkets },
    }),
    delete: deletion("triager", "deleteComment", "Delete a comment: its author, or an admin", {
      description: announced,
      path: commentParamsSchema,
      refusals: { "403": ownOrAdmin, "404": notThisMarkets },
    }),
  },
  "/api/unmapped/{id}/activity": {
    get: read("getUnmappedActivity", "A market's activity timeline: comments and history entries, newest first", {
      description:
        "One timeline of comments (kind comment) and history entries (kind event: status, notes, assignee, snooze, mapped, and the " +
        "scraper's regressed, unsnoozed and escalated), ordered by time then id, newest first, paged. Entries are the history's own (GET …/history).",
      path: idParamsSchema,
      query: activityQuerySchema,
      ok: listAnswer(activityListSchema, "One page of the timeline"),
    }),
  },
};
