// Under a text box saved with Ctrl/Cmd+Enter (a market's notes, a comment): how much of the
// contract's limit is used (said to screen readers with the shortcut; it is the box's description)
// and its buttons: a ghost one to leave (Cancel, Discard) when there is one, then the submit.
import type { KeyboardEvent } from "react";
import { cx } from "@/components/ui/cx";
import { formatCount } from "@/components/ui/format";
import { SubmitButton } from "./submit-button";
import styles from "./text-box.module.css";

interface Props {
  /** The count's id, for the box's aria-describedby. */
  helpId: string;
  length: number;
  limit: number;
  pending: boolean;
  submitLabel: string;
  /** Nothing to save yet. */
  submitDisabled?: boolean;
  /** The way out, e.g. { label: "Cancel", onClick }. */
  leave?: { label: string; onClick: () => void };
}

export function TextBoxFooter({ helpId, length, limit, pending, submitLabel, submitDisabled, leave }: Props) {
  const over = length > limit;
  return (
    <div className={styles.footer}>
      <span id={helpId} className={cx("figure-note", over && styles.over)}>
        {formatCount(length)} / {formatCount(limit)}
        {over && " — over the limit"}
        <span className="visually-hidden"> characters. Ctrl+Enter saves.</span>
      </span>
      <div className={styles.actions}>
        {leave && (
          <button type="button" className="button button-ghost button-small" onClick={leave.onClick} disabled={pending}>
            {leave.label}
          </button>
        )}
        <SubmitButton pending={pending} pendingLabel="Saving…" className="button button-primary button-small" disabled={submitDisabled}>
          {submitLabel}
        </SubmitButton>
      </div>
    </div>
  );
}

/** The text box's key handler: Ctrl/Cmd+Enter submits. */
export const submitOnCtrlEnter = (submit: () => unknown) => (e: KeyboardEvent<HTMLTextAreaElement>) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    void submit();
  }
};
