"use client";
// A comment's text box, for a new comment and for editing one: the contract's own rule
// (commentBodySchema) checks it before it is sent, the server's word on a failed save shows beside
// it, and Ctrl/Cmd+Enter submits. What was typed stays until the save succeeds.
import { zodResolver } from "@hookform/resolvers/zod";
import type { KeyboardEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { COMMENT_MAX, commentBodySchema, type CommentBody } from "@/lib/contract/comments";
import { errorMessage, fieldErrorsOf } from "@/lib/api/errors";
import { SubmitButton } from "@/components/forms/submit-button";
import { formatCount } from "@/components/ui/format";
import { cx } from "@/components/ui/cx";
import styles from "./comments.module.css";

interface Props {
  id: string;
  label: string;
  initial?: string;
  submitLabel: string;
  pending: boolean;
  /** The last failed save, if any. */
  error: unknown;
  /** Resolves once saved: the box then empties (a new comment) or closes (an edit). */
  onSubmit: (body: CommentBody) => Promise<unknown>;
  onCancel?: () => void;
}

export function CommentForm({ id, label, initial = "", submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const form = useForm<CommentBody>({ defaultValues: { body: initial }, resolver: zodResolver(commentBodySchema) });
  const value = useWatch({ control: form.control, name: "body" }) ?? "";
  const submit = form.handleSubmit(async (body) => {
    if (pending) return;
    try {
      await onSubmit(body);
      form.reset({ body: "" });
    } catch {
      // Shown from `error`; the text stays for another try.
    }
  });
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };
  const fieldError = form.formState.errors.body?.message ?? fieldErrorsOf(error)["body.body"];
  const general = error && !fieldError ? errorMessage(error) : null;
  const over = value.length > COMMENT_MAX;
  const errorId = `${id}-error`;
  return (
    <form className={cx("field", styles.commentForm)} onSubmit={submit} noValidate>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        className="input textarea"
        rows={3}
        {...form.register("body")}
        onKeyDown={onKeyDown}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={cx(`${id}-help`, fieldError && errorId) || undefined}
      />
      <div className={styles.commentFormFooter}>
        <span id={`${id}-help`} className={cx("figure-note", over && styles.over)}>
          {formatCount(value.length)} / {formatCount(COMMENT_MAX)}
          <span className="visually-hidden"> characters. Ctrl+Enter saves.</span>
        </span>
        <div className={styles.commentActions}>
          {onCancel && (
            <button type="button" className="button button-ghost button-small" onClick={onCancel} disabled={pending}>
              Cancel
            </button>
          )}
          <SubmitButton pending={pending} pendingLabel="Saving…" className="button button-primary button-small">
            {submitLabel}
          </SubmitButton>
        </div>
      </div>
      {fieldError && (
        <p className="field-error" id={errorId} role="alert">
          {fieldError}
        </p>
      )}
      {general && (
        <p className="field-error" role="alert">
          Not saved: {general}
        </p>
      )}
    </form>
  );
}
