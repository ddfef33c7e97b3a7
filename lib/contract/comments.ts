// Comments on a market and its activity timeline (comments and history entries, newest first).
import { z } from "zod";
import { auditEntrySchema } from "./audit";
import type { Keyset } from "./cursor";
import { idParamSchema, pageOf, pageQueryShape, timestampSchema, requestBody } from "./common";
import { personRefSchema } from "./unmapped";

export const COMMENT_MAX = 4000;

export const commentSchema = z
  .object({
    id: z.number().int(),
    marketId: z.number().int(),
    author: personRefSchema.nullable().describe("null when the author's account no longer exists"),
    authorName: z.string().describe("The author's name when written"),
    body: z.string().describe("Plain text: show it as text, never as markup"),
    createdAt: timestampSchema,
    editedAt: timestampSchema.nullable(),
  })
  .meta({ id: "Comment" });
export type Comment = z.infer<typeof commentSchema>;

export const commentBodySchema = requestBody("CommentBody", {
  body: z.string().trim().min(1, "A comment needs some text").max(COMMENT_MAX, `At most ${COMMENT_MAX} characters`),
});
export type CommentBody = z.infer<typeof commentBodySchema>;

export const commentParamsSchema = z.object({
  id: idParamSchema.meta({ description: "The market's id" }),
  commentId: idParamSchema.meta({ description: "The comment's id" }),
});

export const commentQuerySchema = z.object(pageQueryShape).strict();
export const commentListSchema = pageOf(commentSchema).meta({ id: "CommentList" });
export type CommentList = z.infer<typeof commentListSchema>;

export const activityQuerySchema = z.object(pageQueryShape).strict();
/** The timeline's order, newest first: (at, id) descending, then the kind (comment and audit ids are separate sequences). */
export const activityKeyset = (marketId: number): Keyset => ({
  sort: "at:desc",
  filters: { market: marketId },
  kinds: ["timestamp", "int", ["comment", "event"]],
});
const activityItemSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("comment"), at: timestampSchema, comment: commentSchema }),
    z.object({
      kind: z.literal("event"),
      at: timestampSchema,
      event: auditEntrySchema.describe("status, notes, assignee, snooze, mapping and scraper events (regressed, unsnoozed, escalated)"),
    }),
  ])
  .meta({ id: "ActivityItem" });
export type ActivityItem = z.infer<typeof activityItemSchema>;
export const activityListSchema = pageOf(activityItemSchema).meta({ id: "ActivityList" });
export type ActivityList = z.infer<typeof activityListSchema>;
