"use client";
// One comment in the timeline: who, when, whether edited, and its text as text (line breaks kept
// by CSS, never parsed as markup). Its author edits or deletes it; admins any.
import { useState } from "react";
import type { Comment } from "@/lib/contract/comments";
import { errorMessage } from "@/lib/api/errors";
import { useCan, usePrincipal } from "@/components/auth/use-principal";
import { RelativeTime } from "@/components/ui/relative-time";
import { cx } from "@/components/ui/cx";
import history from "@/components/history/history.module.css";
import { CommentForm } from "./comment-form";
import type { useCommentMutations } from "./use-comments";
import styles from "./comments.module.css";

interface Props {
  comment: Comment;
  mutations: ReturnType<typeof useCommentMutations>;
}

export function CommentItem({ comment, mutations }: Props) {
  const me = usePrincipal();
  const writes = useCan("comment.write");
  const moderates = useCan("comment.moderate");
  const mayChange = writes && (moderates || (comment.author !== null && comment.author.id === me?.userId));
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { edit, remove } = mutations;
  const removing = remove.isPending && remove.variables === comment.id;
  const editId = `comment-edit-${comment.id}`;

  return (
    <li className={cx(history.historyItem, styles.comment)} data-comment-id={comment.id} aria-label={`Comment by ${comment.authorName}`}>
      <span className={history.historyDot} aria-hidden="true" />
      <div className={styles.commentBox}>
        <p className={styles.commentMeta}>
          <span className={styles.commentAuthor}>{comment.author?.name ?? comment.authorName}</span>
          <span className="muted">
            {" · "}
            <RelativeTime iso={comment.createdAt} />
            {comment.editedAt && (
              <>
                {" · "}
                <span title={`Edited ${comment.editedAt}`}>edited</span>
              </>
            )}
          </span>
        </p>
        {editing ? (
          <CommentForm
            id={editId}
            label="Edit comment"
            initial={comment.body}
            submitLabel="Save"
            pending={edit.isPending}
            error={edit.variables?.commentId === comment.id ? edit.error : null}
            onSubmit={(body) => edit.mutateAsync({ commentId: comment.id, body }).then(() => setEditing(false))}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <p className={styles.commentBody} data-comment-body>
            {comment.body}
          </p>
        )}
        {mayChange && !editing && (
          <div className={styles.commentActions}>
            {confirming ? (
              <>
                <span>Delete this comment?</span>
                <button
                  type="button"
                  className="button button-danger button-small"
                  disabled={removing}
                  onClick={() => remove.mutate(comment.id, { onSettled: () => setConfirming(false) })}
                >
                  {removing ? "Deleting…" : "Delete"}
                </button>
                <button type="button" className="button button-ghost button-small" onClick={() => setConfirming(false)}>
                  Keep
                </button>
              </>
            ) : (
              <>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => {
                    edit.reset();
                    setEditing(true);
                  }}
                >
                  Edit
                </button>
                <button type="button" className="button button-ghost button-small" onClick={() => setConfirming(true)}>
                  Delete
                </button>
              </>
            )}
          </div>
        )}
        {remove.isError && remove.variables === comment.id && (
          <p className="field-error" role="alert">
            Not deleted: {errorMessage(remove.error)}
          </p>
        )}
      </div>
    </li>
  );
}
