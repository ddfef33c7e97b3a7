// A market's activity timeline (comments and history, newest first) and its comments.
import { infiniteQueryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { activityListSchema, commentSchema, type CommentBody } from "@/lib/contract/comments";
import { apiFetch, searchOf } from "./fetch";
import { keys, type PageWindow } from "./keys";

// DELETE answers 204; nothing in it is needed.
const deletedSchema = z.unknown();

const comments = (marketId: number) => `/api/unmapped/${marketId}/comments`;

export const activityApi = {
  list: (marketId: number, window: PageWindow, signal?: AbortSignal) =>
    apiFetch(activityListSchema, `/api/unmapped/${marketId}/activity?${searchOf({ ...window })}`, { signal }),
  addComment: (marketId: number, body: CommentBody) => apiFetch(commentSchema, comments(marketId), { method: "POST", body }),
  editComment: (marketId: number, commentId: number, body: CommentBody) =>
    apiFetch(commentSchema, `${comments(marketId)}/${commentId}`, { method: "PATCH", body }),
  deleteComment: (marketId: number, commentId: number) =>
    apiFetch(deletedSchema, `${comments(marketId)}/${commentId}`, { method: "DELETE" }),
};

/** Entries per "Show older". */
const ACTIVITY_PAGE_SIZE = 20;

export const activityQueries = {
  /** Newest first, a page at a time; a refresh refetches every page shown. */
  list: (marketId: number) =>
    infiniteQueryOptions({
      queryKey: keys.unmapped.activity(marketId),
      initialPageParam: 1,
      queryFn: ({ signal, pageParam }) => activityApi.list(marketId, { page: pageParam, pageSize: ACTIVITY_PAGE_SIZE }, signal),
      getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    }),
};
