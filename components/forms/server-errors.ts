// The server's field errors (problem+json errors[], e.g. "body.outcomes.2.canonicalId") put
// beside the form fields they name, through react-hook-form's setError.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { fieldErrorsOf } from "@/lib/api/errors";

/** The form field a server field names: "body.notes" -> "notes"; null when the form has none. */
export type FieldOf<F extends FieldValues> = (serverField: string) => Path<F> | null;

const bodyField = <F extends FieldValues>(serverField: string): Path<F> | null =>
  serverField.startsWith("body.") || serverField.startsWith("query.") ? (serverField.replace(/^(body|query)\./, "") as Path<F>) : null;

/** Places every field error the form has a field for; returns how many it placed. */
export function showServerErrors<F extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<F>,
  fieldOf: FieldOf<F> = bodyField,
): number {
  let placed = 0;
  for (const [serverField, message] of Object.entries(fieldErrorsOf(error))) {
    const field = fieldOf(serverField);
    if (field === null) continue;
    setError(field, { type: "server", message }, { shouldFocus: placed === 0 });
    placed++;
  }
  return placed;
}
