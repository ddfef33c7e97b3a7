"use client";
// "Ignore until": a button opening a small dialog of conditions. Any one reopens the market as
// New: a time (1 hour, 1 day, 1 week or a chosen moment; it reopens when sighted after it), N more
// sightings, or when it escalates. The owner's `s` key opens it through `handleRef`. The two
// conditions typed in are each a react-hook-form form checked by the contract's own rule for that
// field of a snooze (its limits and messages); the presets and "until it escalates" need no input.
import { zodResolver } from "@hookform/resolvers/zod";
import { useImperativeHandle, useRef, type InputHTMLAttributes, type Ref } from "react";
import { useForm, type UseFormReturn } from "react-hook-form";
import { z } from "zod";
import { SNOOZE_SIGHTINGS_MAX, snoozeSchema, type Snooze } from "@/lib/contract/unmapped";
import { errorA11y, InlineError } from "@/components/forms/field";
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

const untilRule = snoozeSchema.shape.until.unwrap();
const sightingsRule = snoozeSchema.shape.sightings.unwrap();
/** The menu's own rule: the contract takes any moment, but one already past would reopen the market at its next sighting. */
const PICK_FUTURE = "Pick a moment in the future";

/** A datetime-local value (the browser's time zone) as an ISO timestamp; anything else as it is, for the contract to refuse. */
const isoOf = (local: string) => {
  const t = new Date(local).getTime();
  return Number.isFinite(t) ? new Date(t).toISOString() : local;
};

/** What a condition's form holds: the text of its one input. */
type Condition = { value: string };

const untilForm = z
  .object({
    value: z
      .string()
      .min(1, PICK_FUTURE)
      .transform(isoOf)
      .pipe(untilRule)
      .refine((iso) => Date.parse(iso) > Date.now(), PICK_FUTURE),
  })
  .transform(({ value }): Snooze => ({ until: value }));

const sightingsForm = z
  .object({ value: z.string().transform(Number).pipe(sightingsRule) })
  .transform(({ value }): Snooze => ({ sightings: value }));

const useCondition = (schema: z.ZodType<Snooze, Condition>, value: string) =>
  useForm<Condition, unknown, Snooze>({ defaultValues: { value }, resolver: zodResolver(schema) });

/** One typed-in condition: its label, its input, the button that snoozes on it, and the contract's word on a bad value. */
function ConditionForm({
  form,
  id,
  label,
  action,
  input,
  onChoose,
}: {
  form: UseFormReturn<Condition, unknown, Snooze>;
  id: string;
  label: string;
  action: string;
  input: InputHTMLAttributes<HTMLInputElement>;
  onChoose: (snooze: Snooze) => void;
}) {
  const error = form.formState.errors.value?.message;
  return (
    <form className="stack-tight" noValidate onSubmit={form.handleSubmit(onChoose)}>
      <div className="field-inline">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <input id={id} className="input" {...input} {...form.register("value")} {...errorA11y(error, `${id}-error`)} />
        <button type="submit" className="button button-small">
          {action}
        </button>
      </div>
      <InlineError id={`${id}-error`} error={error} />
    </form>
  );
}

export function SnoozeMenu({ onSnooze, disabled, label = "Snooze…", id, handleRef }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const until = useCondition(untilForm, "");
  const sightings = useCondition(sightingsForm, "1");
  const open = () => {
    // What was typed stays for another go; last time's complaints do not.
    until.clearErrors();
    sightings.clearErrors();
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  useImperativeHandle(handleRef, () => ({ open: () => !disabled && open() }));

  const choose = (snooze: Snooze) => {
    dialog.current?.close();
    onSnooze(snooze, describeSnooze(snooze));
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
          <ConditionForm
            form={until}
            id={`${id}-until`}
            label="Sighted after"
            action="Snooze until then"
            input={{ type: "datetime-local" }}
            onChoose={choose}
          />
          <ConditionForm
            form={sightings}
            id={`${id}-sightings`}
            label="More sightings"
            action="Snooze for these sightings"
            input={{
              type: "number",
              className: "input input-number",
              inputMode: "numeric",
              min: sightingsRule.minValue ?? undefined,
              max: SNOOZE_SIGHTINGS_MAX,
            }}
            onChoose={choose}
          />
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
