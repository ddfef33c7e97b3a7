"use client";
// "Add a note" to several markets: appended to each market's notes on a new line. The note is
// checked by the bulk change's own rule for it (the contract's addNote: its limits and messages).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRef } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { z } from "zod";
import { addNoteSchema } from "@/lib/contract/unmapped";
import { Field } from "@/components/forms/field";
import { ModalDialog } from "@/components/ui/modal-dialog";

const noteFormSchema = z.object({ note: addNoteSchema });
type Values = z.infer<typeof noteFormSchema>;

export function BulkNoteButton({ onAdd, disabled }: { onAdd: (note: string) => void; disabled?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useForm<Values>({ defaultValues: { note: "" }, resolver: zodResolver(noteFormSchema) });
  const error = form.formState.errors.note?.message;
  return (
    <>
      <button type="button" className="button button-small" disabled={disabled} onClick={() => dialog.current?.showModal()}>
        Add note…
      </button>
      <ModalDialog ref={dialog} labelledBy="bulk-note-title">
        <FormProvider {...form}>
          <form
            className="dialog-body stack"
            noValidate
            onSubmit={(e) => {
              const owner = e.currentTarget.closest("dialog");
              void form.handleSubmit(({ note }) => {
                owner?.close();
                form.reset({ note: "" });
                onAdd(note);
              })(e);
            }}
          >
            <header className="dialog-header">
              <h2 id="bulk-note-title">Add a note</h2>
            </header>
            <Field id="bulk-note" label="Note" hint="Added to each selected market's notes, on a new line." error={error}>
              {(a) => <textarea {...a} {...form.register("note")} className="input textarea" rows={4} />}
            </Field>
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                Add note
              </button>
              <button type="button" className="button button-ghost" onClick={() => dialog.current?.close()}>
                Cancel
              </button>
            </div>
          </form>
        </FormProvider>
      </ModalDialog>
    </>
  );
}
