"use client";
// The notes form, validated by the contract's own rule (the API's limit and message). Until the
// user edits, it follows the server (someone else's change shows up); from the first edit the
// draft is theirs until saved or discarded: a refetch or a failed save (whose rollback restores the
// old notes in the cache) never wipes what they typed.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState, type KeyboardEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { unmappedPatchSchema } from "@/lib/contract/unmapped";
import { formatCount } from "@/components/ui/format";
import styles from "./detail.module.css";
import { cx } from "@/components/ui/cx";
import { SubmitButton } from "@/components/forms/submit-button";

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
  const over = value.length > NOTES_LIMIT;
  const error = form.formState.errors.notes?.message ?? serverError;

  const discard = () => setEditing(null);
  const save = form.handleSubmit(({ notes }) => {
    if (!dirty || saving) return;
    onSave(notes.trim() === "" ? null : notes, discard);
  });
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

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
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <div className={styles.notesFooter}>
        <span id="notes-help" className={cx("figure-note", over && styles.notesCountOver)}>
          {formatCount(value.length)} / {formatCount(NOTES_LIMIT)}
          {over && " — over the limit"}
          <span className="visually-hidden"> characters. Ctrl+Enter saves.</span>
        </span>
        <div className={styles.notesActions}>
          {dirty && (
            <button type="button" className="button button-ghost button-small" onClick={discard} disabled={saving}>
              Discard
            </button>
          )}
          <SubmitButton pending={saving} pendingLabel="Saving…" className="button button-primary button-small" disabled={!dirty}>
            Save notes
          </SubmitButton>
        </div>
      </div>
      {error && (
        <p className="field-error" id="notes-error" role="alert">
          {error}
        </p>
      )}
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
