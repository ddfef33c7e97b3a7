"use client";
// A market's one activity timeline (GET /api/unmapped/{id}/activity): comments and every history
// event (status, notes, assignee, snooze, mapped, regressed, unsnoozed, escalated), newest first,
// a page at a time, with the comment box on top for those who may comment. The URL hash #comment
// (the list's `c` key) focuses the box.
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { keys } from "@/lib/api/keys";
import { activityQueries } from "@/lib/api/activity";
import { errorMessage } from "@/lib/api/errors";
import type { ActivityItem } from "@/lib/contract/comments";
import { useCan } from "@/components/auth/use-principal";
import { HistoryItem, HistorySkeleton } from "@/components/history/history-list";
import history from "@/components/history/history.module.css";
import { formatCount } from "@/components/ui/format";
import { RetryBanner } from "@/components/ui/retry-banner";
import { cx } from "@/components/ui/cx";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import { useCommentMutations } from "./use-comments";

export const COMMENT_INPUT_ID = "comment";

const keyOf = (item: ActivityItem) => (item.kind === "comment" ? `c${item.comment.id}` : `e${item.event.id}`);

/** Focuses the comment box when the URL asks for it (#comment), now and on later hash changes. */
function useCommentHash() {
  useEffect(() => {
    const focus = () => {
      if (window.location.hash === `#${COMMENT_INPUT_ID}`) document.getElementById(COMMENT_INPUT_ID)?.focus();
    };
    focus();
    window.addEventListener("hashchange", focus);
    return () => window.removeEventListener("hashchange", focus);
  }, []);
}

/** Refreshes the timeline when the market's version moves on (an edit made on this page). */
function useRefreshOnVersion(marketId: number, version: number) {
  const client = useQueryClient();
  const seen = useRef(version);
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    void client.invalidateQueries({ queryKey: keys.unmapped.historyOf(marketId) });
  }, [client, marketId, version]);
}

export function ActivityTimeline({ marketId, version }: { marketId: number; version: number }) {
  useRefreshOnVersion(marketId, version);
  const writes = useCan("comment.write");
  const activity = useInfiniteQuery(activityQueries.list(marketId));
  const mutations = useCommentMutations(marketId);
  useCommentHash();

  // Pages shift when entries arrive between two page loads: show each entry once.
  const seen = new Set<string>();
  const items = (activity.data?.pages ?? []).flatMap((p) => p.items).filter((i) => !seen.has(keyOf(i)) && !!seen.add(keyOf(i)));
  const total = activity.data?.pages.at(-1)?.total ?? 0;

  return (
    <section className="card" aria-labelledby="activity-title" aria-busy={activity.isFetching}>
      <header className="card-header">
        <h2 id="activity-title">Activity</h2>
        {total > 0 && <span className="muted">{formatCount(total)}</span>}
      </header>
      <div className="card-body stack">
        {writes && (
          <CommentForm
            id={COMMENT_INPUT_ID}
            label="Add a comment"
            submitLabel="Comment"
            pending={mutations.add.isPending}
            error={mutations.add.error}
            onSubmit={(body) => mutations.add.mutateAsync(body)}
          />
        )}
        {activity.data ? (
          items.length === 0 ? (
            <p className="muted">No activity yet. Comments and changes of status, notes, owner and snooze are listed here.</p>
          ) : (
            <ol className={history.history} aria-label="Activity">
              {items.map((item) =>
                item.kind === "comment" ? (
                  <CommentItem key={keyOf(item)} comment={item.comment} mutations={mutations} />
                ) : (
                  <HistoryItem key={keyOf(item)} entry={item.event} />
                ),
              )}
            </ol>
          )
        ) : activity.isError ? (
          <RetryBanner what="Could not load the activity" error={activity.error} onRetry={() => void activity.refetch()} />
        ) : (
          <HistorySkeleton />
        )}
        {activity.hasNextPage && (
          <button
            type="button"
            className={cx(history.historyMore, "button button-small")}
            onClick={() => void activity.fetchNextPage()}
            disabled={activity.isFetchingNextPage}
          >
            {activity.isFetchingNextPage ? "Loading…" : `Show older (${formatCount(Math.max(0, total - items.length))} more)`}
          </button>
        )}
        {activity.data && activity.isError && (
          <p className="field-error" role="alert">
            Could not refresh: {errorMessage(activity.error)}
          </p>
        )}
      </div>
    </section>
  );
}
