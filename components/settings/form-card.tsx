"use client";
// A settings form in its card (a token, a webhook endpoint, an alert rule): the heading, what is
// shown above the form (a secret shown once), the server's refusal when no field took it, the
// fields, and the footer: submit, and Cancel while editing.
import type { ReactNode } from "react";
import { FormProvider, type FieldValues, type UseFormReturn } from "react-hook-form";
import { errorMessage } from "@/lib/api/errors";
import { FormProblem } from "@/components/forms/form-problem";
import { SubmitButton } from "@/components/forms/submit-button";

interface Props<I extends FieldValues, O> {
  titleId: string;
  title: ReactNode;
  /** The form's accessible name. */
  label: string;
  form: UseFormReturn<I, unknown, O>;
  /** The save (a mutation), sent the valid values; its failure shows above the fields unless a field took it. */
  save: { mutate: (values: O) => void; isPending: boolean; error: unknown };
  /** What the failure banner starts with: "Not saved.". */
  outcome: string;
  submitLabel: string;
  pendingLabel: string;
  /** Editing: a Cancel button beside submit. */
  onCancel?: () => void;
  above?: ReactNode;
  children: ReactNode;
}

/**
 * The wording of a form that adds a `thing` ("rule") or edits the one named `editing`: its title,
 * name, submit and failure words, and Cancel (`onCancel`) only while editing.
 */
export function addOrEdit(thing: string, article: "a" | "an", editing: string | undefined, onCancel: () => void) {
  const adding = editing === undefined;
  return {
    title: adding ? `Add ${article} ${thing}` : `Edit ${editing}`,
    label: adding ? `Add ${article} ${thing}` : `Edit the ${thing}`,
    submitLabel: adding ? `Add ${thing}` : "Save",
    pendingLabel: "Saving…",
    outcome: "Not saved.",
    onCancel: adding ? undefined : onCancel,
  };
}

export function FormCard<I extends FieldValues, O>({
  titleId,
  title,
  label,
  form,
  save,
  outcome,
  submitLabel,
  pendingLabel,
  onCancel,
  above,
  children,
}: Props<I, O>) {
  const placed = Object.values(form.formState.errors).some((e) => e?.type === "server");
  return (
    <section className="card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId}>{title}</h2>
      </header>
      <div className="card-body stack">
        {above}
        <FormProvider {...form}>
          <form className="stack" onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate aria-label={label}>
            {save.error && !placed ? <FormProblem outcome={outcome}>{errorMessage(save.error)}</FormProblem> : null}
            {children}
            <div className="form-actions">
              <SubmitButton pending={save.isPending} pendingLabel={pendingLabel}>
                {submitLabel}
              </SubmitButton>
              {onCancel && (
                <button type="button" className="button button-ghost" onClick={onCancel}>
                  Cancel
                </button>
              )}
            </div>
          </form>
        </FormProvider>
      </div>
    </section>
  );
}
