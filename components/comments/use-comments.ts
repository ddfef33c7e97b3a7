"use client";
// Adding, editing and deleting a market's comments. Each success refreshes the market's activity
// timeline (its history key), here at once; other browsers hear it as unmapped_updated "comments".
import { activityApi } from "@/lib/api/activity";
import { keys } from "@/lib/api/keys";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CommentBody } from "@/lib/contract/comments";

export function useCommentMutations(marketId: number) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: keys.unmapped.historyOf(marketId) });
  const add = useMutation({ mutationFn: (body: CommentBody) => activityApi.addComment(marketId, body), onSuccess: refresh });
  const edit = useMutation({
    mutationFn: ({ commentId, body }: { commentId: number; body: CommentBody }) => activityApi.editComment(marketId, commentId, body),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (commentId: number) => activityApi.deleteComment(marketId, commentId), onSuccess: refresh });
  return { add, edit, remove };
}
