// A labelled form field with its hint and its error beside it, wired for screen readers
// (aria-invalid, aria-describedby). The error is the client's check or the server's field error.
import type { ReactNode } from "react";

interface FieldA11y {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
}

interface Props {
  id: string;
  label: ReactNode;
  error?: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (a11y: FieldA11y) => ReactNode;
}

export function Field({ id, label, error, hint, required, className, children }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && (
          <span className="field-required" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </label>
      {children({
        id,
        ...(error ? { "aria-invalid": true as const } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(required ? { "aria-required": true as const } : {}),
      })}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** An error for a cell of a table (no label of its own: the column header and aria-label name it). */
export function CellError({ id, error }: { id: string; error?: string | null }) {
  if (!error) return null;
  return (
    <p className="field-error cell-error" id={id}>
      {error}
    </p>
  );
}

/** What marks a control invalid and points it at its error message, while there is one. */
export const errorA11y = (error: unknown, errorId: string) => (error ? { "aria-invalid": true as const, "aria-describedby": errorId } : {});

/** A control's error under it, announced as it appears (a form's own check or the server's word). */
export function InlineError({ id, error }: { id?: string; error?: ReactNode }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {error}
    </p>
  );
}
