"use client";
// A comment's text box, for a new comment and for editing one: the contract's own rule
// (commentBodySchema) checks it before it is sent, the server's word on a failed save shows beside
// it, and Ctrl/Cmd+Enter submits. What was typed stays until the save succeeds.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { COMMENT_MAX, commentBodySchema, type CommentBody } from "@/lib/contract/comments";
import { errorMessage, fieldErrorsOf } from "@/lib/api/errors";
import { InlineError } from "@/components/forms/field";
import { submitOnCtrlEnter, TextBoxFooter } from "@/components/forms/text-box-footer";
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
  const fieldError = form.formState.errors.body?.message ?? fieldErrorsOf(error)["body.body"];
  const general = error && !fieldError ? errorMessage(error) : null;
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
        onKeyDown={submitOnCtrlEnter(submit)}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={cx(`${id}-help`, fieldError && errorId) || undefined}
      />
      <TextBoxFooter
        helpId={`${id}-help`}
        length={value.length}
        limit={COMMENT_MAX}
        pending={pending}
        submitLabel={submitLabel}
        leave={onCancel && { label: "Cancel", onClick: onCancel }}
      />
      <InlineError id={errorId} error={fieldError} />
      <InlineError error={general && `Not saved: ${general}`} />
    </form>
  );
}
