"use client";
// The notes form, validated by the contract's own rule (the API's limit and message). Until the
// user edits, it follows the server (someone else's change shows up); from the first edit the
// draft is theirs until saved or discarded: a refetch or a failed save (whose rollback restores the
// old notes in the cache) never wipes what they typed.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { unmappedPatchSchema } from "@/lib/contract/unmapped";
import { InlineError } from "@/components/forms/field";
import { submitOnCtrlEnter, TextBoxFooter } from "@/components/forms/text-box-footer";

export const NOTES_INPUT_ID = "market-notes";
const notesSchema = unmappedPatchSchema.shape.notes.unwrap().unwrap();
const NOTES_LIMIT = notesSchema.maxLength ?? Number.POSITIVE_INFINITY;
const formSchema = z.object({ notes: notesSchema });
type Values = z.output<typeof formSchema>;

interface Props {
  serverNotes: string;
  saving: boolean;
  /** The server's word on the last save, when it named the notes. */
  error?: string;
  onSave: (notes: string | null, saved: () => void) => void;
}

export function NotesEditor({ serverNotes, saving, error: serverError, onSave }: Props) {
  const form = useForm<Values>({ defaultValues: { notes: serverNotes }, resolver: zodResolver(formSchema) });
  // null: following the server; else the notes as they were when the user started editing.
  const [editing, setEditing] = useState<{ base: string } | null>(null);
  useEffect(() => {
    if (!editing) form.reset({ notes: serverNotes });
  }, [serverNotes, editing, form]);

  const value = useWatch({ control: form.control, name: "notes" });
  const dirty = editing !== null && value !== serverNotes;
  const changedElsewhere = editing !== null && serverNotes !== editing.base && serverNotes !== value;
  const error = form.formState.errors.notes?.message ?? serverError;

  const discard = () => setEditing(null);
  const save = form.handleSubmit(({ notes }) => {
    if (!dirty || saving) return;
    onSave(notes.trim() === "" ? null : notes, discard);
  });

  const describedBy = ["notes-help", error ? "notes-error" : null, changedElsewhere ? "notes-conflict" : null].filter(Boolean).join(" ");
  return (
    <form className="field" onSubmit={save} noValidate>
      <label htmlFor={NOTES_INPUT_ID} className="field-label">
        Notes
      </label>
      <textarea
        id={NOTES_INPUT_ID}
        className="input textarea"
        rows={5}
        placeholder="Why this status? e.g. “Player prop: betpawa doesn't offer it”"
        {...form.register("notes", { onChange: () => editing === null && setEditing({ base: serverNotes }) })}
        onKeyDown={submitOnCtrlEnter(save)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <TextBoxFooter
        helpId="notes-help"
        length={value.length}
        limit={NOTES_LIMIT}
        pending={saving}
        submitLabel="Save notes"
        submitDisabled={!dirty}
        leave={dirty ? { label: "Discard", onClick: discard } : undefined}
      />
      <InlineError id="notes-error" error={error} />
      {changedElsewhere && (
        <p className="field-warning" id="notes-conflict">
          Someone else changed these notes while you were editing. Saving replaces their version.{" "}
          <button type="button" className="link-button" onClick={discard}>
            Discard mine and show theirs
          </button>
        </p>
      )}
    </form>
  );
}
