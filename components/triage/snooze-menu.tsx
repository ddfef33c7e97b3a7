"use client";
// "Ignore until": a button opening a small dialog of conditions. Any one reopens the market as
// New: a time (1 hour, 1 day, 1 week or a chosen moment; it reopens when sighted after it), N more
// sightings, or when it escalates. The owner's `s` key opens it through `handleRef`.
import { useImperativeHandle, useRef, useState, type Ref } from "react";
import { SNOOZE_SIGHTINGS_MAX, snoozeSchema, type Snooze } from "@/lib/contract/unmapped";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { describeSnooze } from "./snooze-words";

export interface SnoozeMenuHandle {
  open: () => void;
}

interface Props {
  /** The snooze chosen, and its words for a toast ("until 1 more sighting"). */
  onSnooze: (snooze: Snooze, words: string) => void;
  disabled?: boolean;
  /** The button's words. */
  label?: string;
  /** Tells several menus on a page apart (ids of the dialog's fields). */
  id: string;
  handleRef?: Ref<SnoozeMenuHandle>;
}

const HOUR = 3_600_000;
const PRESETS = [
  { label: "1 hour", ms: HOUR },
  { label: "1 day", ms: 24 * HOUR },
  { label: "1 week", ms: 7 * 24 * HOUR },
];

/** A datetime-local value (the browser's time zone) as an ISO timestamp; null when empty or invalid. */
const isoOf = (local: string) => {
  const t = new Date(local).getTime();
  return local && Number.isFinite(t) ? new Date(t).toISOString() : null;
};

export function SnoozeMenu({ onSnooze, disabled, label = "Snooze…", id, handleRef }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [until, setUntil] = useState("");
  const [sightings, setSightings] = useState("1");
  const [error, setError] = useState<string | null>(null);
  const open = () => {
    setError(null);
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  useImperativeHandle(handleRef, () => ({ open: () => !disabled && open() }), [disabled]);

  const choose = (snooze: Snooze) => {
    const parsed = snoozeSchema.safeParse(snooze);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Not a valid condition");
      return;
    }
    dialog.current?.close();
    onSnooze(parsed.data, describeSnooze(parsed.data));
  };
  const chooseUntil = () => {
    const iso = isoOf(until);
    if (!iso || new Date(iso).getTime() <= Date.now()) setError("Pick a moment in the future");
    else choose({ until: iso });
  };

  return (
    <>
      <button type="button" className="button button-small" onClick={open} disabled={disabled} title="Ignore until a condition (s)">
        {label}
      </button>
      <ModalDialog ref={dialog} labelledBy={`${id}-title`}>
        <div className="dialog-body stack">
          <header className="dialog-header">
            <h2 id={`${id}-title`}>Ignore until…</h2>
            <button type="button" className="button button-ghost button-small" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </header>
          <p className="muted">It is ignored now and comes back as New, with an alert, when any condition you pick is met.</p>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions" role="group" aria-label="Sighted after">
            {PRESETS.map((p) => (
              <button
                key={p.label}
                type="button"
                className="button button-small"
                onClick={() => choose({ until: new Date(Date.now() + p.ms).toISOString() })}
              >
                Sighted after {p.label}
              </button>
            ))}
          </div>
          <div className="field-inline">
            <label htmlFor={`${id}-until`} className="field-label">
              Sighted after
            </label>
            <input id={`${id}-until`} type="datetime-local" className="input" value={until} onChange={(e) => setUntil(e.target.value)} />
            <button type="button" className="button button-small" onClick={chooseUntil}>
              Snooze until then
            </button>
          </div>
          <div className="field-inline">
            <label htmlFor={`${id}-sightings`} className="field-label">
              More sightings
            </label>
            <input
              id={`${id}-sightings`}
              type="number"
              className="input input-number"
              min={1}
              max={SNOOZE_SIGHTINGS_MAX}
              value={sightings}
              onChange={(e) => setSightings(e.target.value)}
            />
            <button type="button" className="button button-small" onClick={() => choose({ sightings: Number(sightings) })}>
              Snooze for these sightings
            </button>
          </div>
          <div className="form-actions">
            <button type="button" className="button button-small" onClick={() => choose({ escalating: true })}>
              Until it escalates
            </button>
          </div>
        </div>
      </ModalDialog>
    </>
  );
}
