"use client";
// The draft is the user's until it is saved or discarded: a background refetch or a failed save
// (whose rollback restores the old notes in the cache) never wipes what they typed.
import { useState, type KeyboardEvent } from "react";
import { formatCount } from "@/components/ui/format";

export const NOTES_INPUT_ID = "market-notes";
// Mirrors the API's limit for the counter only: the server is the one that enforces it.
const NOTES_LIMIT = 2000;

interface Props {
  serverNotes: string;
  saving: boolean;
  error?: string;
  onSave: (notes: string | null, saved: () => void) => void;
}

export function NotesEditor({ serverNotes, saving, error, onSave }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [base, setBase] = useState(serverNotes);
  const value = draft ?? serverNotes;
  const dirty = draft !== null && draft !== serverNotes;
  const changedElsewhere = draft !== null && serverNotes !== base && serverNotes !== draft;
  const over = value.length > NOTES_LIMIT;

  const edit = (next: string) => {
    if (draft === null) setBase(serverNotes);
    setDraft(next);
  };
  const discard = () => setDraft(null);
  const save = () => {
    if (!dirty || saving) return;
    onSave(value.trim() === "" ? null : value, discard);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };

  const describedBy = ["notes-help", error ? "notes-error" : null, changedElsewhere ? "notes-conflict" : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={NOTES_INPUT_ID} className="field-label">
        Notes
      </label>
      <textarea
        id={NOTES_INPUT_ID}
        className="input textarea"
        rows={5}
        value={value}
        placeholder="Why this status? e.g. “Player prop: betpawa doesn't offer it”"
        onChange={(e) => edit(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <div className="notes-footer">
        <span id="notes-help" className={over ? "notes-count notes-count-over" : "notes-count"}>
          {formatCount(value.length)} / {formatCount(NOTES_LIMIT)}
          {over && " — over the limit"}
          <span className="visually-hidden"> characters. Ctrl+Enter saves.</span>
        </span>
        <div className="notes-actions">
          {dirty && (
            <button type="button" className="button button-ghost button-small" onClick={discard} disabled={saving}>
              Discard
            </button>
          )}
          <button type="button" className="button button-primary button-small" onClick={save} disabled={!dirty || saving}>
            {saving ? "Saving…" : "Save notes"}
          </button>
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
    </div>
  );
}
