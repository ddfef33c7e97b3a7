"use client";
// A form's submit button: it says what is happening while the request runs ("Saving…") and cannot
// be pressed again meanwhile, the same way on every form.
import type { ReactNode } from "react";

interface Props {
  pending: boolean;
  /** What the button says while the request runs. */
  pendingLabel: string;
  children: ReactNode;
  /** Also disabled for another reason (nothing to save, already done). */
  disabled?: boolean;
  className?: string;
}

export function SubmitButton({ pending, pendingLabel, children, disabled = false, className = "button button-primary" }: Props) {
  return (
    <button type="submit" className={className} disabled={pending || disabled}>
      {pending ? pendingLabel : children}
    </button>
  );
}
