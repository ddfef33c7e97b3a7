"use client";
// Saving the list's current view under a name (shared with everyone: triagers and admins), or
// renaming one. react-hook-form with the contract's own name rule; the server's field errors land
// beside the fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { z } from "zod";
import { errorMessage } from "@/lib/api/errors";
import { savedViewCreateSchema } from "@/lib/contract/views";
import { FormProblem } from "@/components/forms/form-problem";
import { TextField } from "@/components/forms/form-fields";
import { showServerErrors } from "@/components/forms/server-errors";
import { SubmitButton } from "@/components/forms/submit-button";

const viewFormSchema = z.object({ name: savedViewCreateSchema.shape.name, shared: z.boolean() });
export type ViewFormValues = z.infer<typeof viewFormSchema>;

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  initial: ViewFormValues;
  /** May the view be shared (triagers and admins)? Without it the checkbox is not shown. */
  canShare: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ViewFormValues) => void;
  onClose: () => void;
}

export function ViewFormDialog({ open, title, submitLabel, initial, canShare, pending, error, onSubmit, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useForm<ViewFormValues>({ defaultValues: initial, resolver: zodResolver(viewFormSchema) });
  const { reset, setError } = form;
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      reset(initial);
      d.showModal();
    }
    if (!open && d.open) d.close();
    // The initial values are read when the dialog opens, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, reset]);
  useEffect(() => {
    if (error) showServerErrors(error, setError);
  }, [error, setError]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="view-form-title" onClose={onClose}>
      <FormProvider {...form}>
        <form className="dialog-body stack" noValidate onSubmit={form.handleSubmit(onSubmit)}>
          <header className="dialog-header">
            <h2 id="view-form-title">{title}</h2>
          </header>
          {error !== null && error !== undefined && !form.formState.errors.name && (
            <FormProblem outcome="Not saved.">{errorMessage(error)}</FormProblem>
          )}
          <TextField<ViewFormValues> name="name" label="Name" hint="Shown as a tab beside the status tabs." autoComplete="off" required />
          {canShare && (
            <label className="field-check">
              <input type="checkbox" {...form.register("shared")} />
              <span>Shared: everyone sees this view</span>
            </label>
          )}
          <div className="form-actions">
            <SubmitButton pending={pending} pendingLabel="Saving…">
              {submitLabel}
            </SubmitButton>
            <button type="button" className="button button-ghost" onClick={onClose} disabled={pending}>
              Cancel
            </button>
          </div>
        </form>
      </FormProvider>
    </dialog>
  );
}
