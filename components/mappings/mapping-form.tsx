"use client";
// Editing a mapping: name, platform ids, betpawa id and the outcomes table, sent as one PATCH with
// If-Match (the user row's version), so a change made elsewhere meanwhile is never overwritten
// silently. On a built-in entry the same PATCH creates the user override; the form says so.
import { errorMessage, fieldErrorsOf, holderOf, isApiError } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { mappingsApi } from "@/lib/api/mappings";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import type { MappingDetail, MappingOutcomeDto, MappingPatch } from "@/lib/contract/mappings";
import { formatCount } from "@/components/ui/format";
import { CellError, Field } from "./field";
import {
  checkBet9jaKey,
  checkOutcomeIds,
  checkPlatformId,
  checkReason,
  checkText,
  hasErrors,
  orNull,
  REASON_LIMIT,
  type FieldErrors,
} from "./validation";

interface OutcomeDraft {
  key: number;
  canonicalId: string;
  betpawaName: string;
  sportybetDesc: string;
  bet9jaSuffix: string;
}

interface Draft {
  name: string;
  betpawaId: string;
  sportybetId: string;
  bet9jaKey: string;
  outcomes: OutcomeDraft[];
  reason: string;
}

let nextKey = 1;

function draftOf(m: MappingDetail): Draft {
  return {
    name: m.name,
    betpawaId: m.betpawaId ?? "",
    sportybetId: m.sportybetId ?? "",
    bet9jaKey: m.bet9jaKey ?? "",
    outcomes: m.outcomes.map((o) => ({
      key: nextKey++,
      canonicalId: o.canonicalId,
      betpawaName: o.betpawaName ?? "",
      sportybetDesc: o.sportybetDesc ?? "",
      bet9jaSuffix: o.bet9jaSuffix ?? "",
    })),
    reason: "",
  };
}

const outcomesOf = (d: Draft): MappingOutcomeDto[] =>
  d.outcomes.map((o, position) => ({
    canonicalId: o.canonicalId.trim(),
    betpawaName: orNull(o.betpawaName),
    sportybetDesc: orNull(o.sportybetDesc),
    bet9jaSuffix: orNull(o.bet9jaSuffix),
    position,
  }));

const sameOutcomes = (a: MappingOutcomeDto[], b: MappingOutcomeDto[]) =>
  a.length === b.length &&
  a.every((o, i) => {
    const p = b[i];
    return (
      o.canonicalId === p.canonicalId &&
      o.betpawaName === p.betpawaName &&
      o.sportybetDesc === p.sportybetDesc &&
      o.bet9jaSuffix === p.bet9jaSuffix
    );
  });

/** Only what changed goes into the PATCH. */
function patchOf(d: Draft, m: MappingDetail): MappingPatch {
  const patch: MappingPatch = {};
  if (d.name.trim() !== m.name) patch.name = d.name.trim();
  if (orNull(d.betpawaId) !== m.betpawaId) patch.betpawaId = orNull(d.betpawaId);
  if (orNull(d.sportybetId) !== m.sportybetId) patch.sportybetId = orNull(d.sportybetId);
  if (orNull(d.bet9jaKey) !== m.bet9jaKey) patch.bet9jaKey = orNull(d.bet9jaKey);
  const outcomes = outcomesOf(d);
  if (
    !sameOutcomes(
      outcomes,
      m.outcomes.map((o, position) => ({ ...o, position })),
    )
  )
    patch.outcomes = outcomes;
  return patch;
}

const SCALARS = [
  ["name", "the name"],
  ["betpawaId", "the betpawa id"],
  ["sportybetId", "the SportyBet id"],
  ["bet9jaKey", "the Bet9ja key"],
] as const;

/** Three-way merge of the draft onto a newer server version (`next`) of what it started from (`base`). */
function rebase(draft: Draft, base: MappingDetail, next: MappingDetail): { draft: Draft; conflicts: string[] } {
  const from = draftOf(base);
  const to = draftOf(next);
  const out: Draft = { ...draft };
  const conflicts: string[] = [];
  for (const [key, label] of SCALARS) {
    if (draft[key].trim() === from[key].trim()) out[key] = to[key];
    else if (to[key].trim() !== from[key].trim() && to[key].trim() !== draft[key].trim()) conflicts.push(label);
  }
  const mine = outcomesOf(draft);
  if (sameOutcomes(mine, outcomesOf(from))) out.outcomes = to.outcomes;
  else if (!sameOutcomes(outcomesOf(to), outcomesOf(from)) && !sameOutcomes(mine, outcomesOf(to))) conflicts.push("the outcomes");
  return { draft: out, conflicts };
}

function validate(d: Draft): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: string, message: string | null) => {
    if (message) errors[field] = message;
  };
  set("body.name", checkText(d.name, "a name", 200));
  set("body.betpawaId", checkPlatformId(d.betpawaId, "a betpawa id"));
  set("body.sportybetId", checkPlatformId(d.sportybetId, "a SportyBet id"));
  set("body.bet9jaKey", checkBet9jaKey(d.bet9jaKey));
  if (!d.sportybetId.trim() && !d.bet9jaKey.trim())
    errors["body.sportybetId"] ??= "give at least one platform id (SportyBet id or Bet9ja key)";
  if (d.outcomes.length === 0) errors["body.outcomes"] = "a mapping needs at least one outcome";
  checkOutcomeIds(
    d.outcomes.map((o) => o.canonicalId),
    errors,
  );
  d.outcomes.forEach((o, i) => {
    set(`body.outcomes.${i}.betpawaName`, checkText(o.betpawaName, "a name", 200, false));
    set(`body.outcomes.${i}.sportybetDesc`, checkText(o.sportybetDesc, "a name", 200, false));
    set(`body.outcomes.${i}.bet9jaSuffix`, checkText(o.bet9jaSuffix, "a suffix", 100, false));
  });
  set("body.reason", checkReason(d.reason));
  return errors;
}

interface Props {
  mapping: MappingDetail;
  onDone: (saved: MappingDetail) => void;
  onCancel: () => void;
  onReload: () => void;
  reloading: boolean;
}

export function MappingForm({ mapping, onDone, onCancel, onReload, reloading }: Props) {
  const client = useQueryClient();
  const uid = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(mapping));
  // What the draft started from: only fields changed against it are sent, so a field someone else
  // changed meanwhile and this user did not touch keeps their value.
  const [base, setBase] = useState(mapping);
  // Someone else's save, seen after a reload: fields this user left alone take their values; fields
  // both changed keep this user's value (and are listed, since saving replaces theirs).
  const [overriding, setOverriding] = useState<string[]>([]);
  const [rebased, setRebased] = useState(false);
  if (mapping.version !== base.version || mapping.updatedAt !== base.updatedAt) {
    const merged = rebase(draft, base, mapping);
    setDraft(merged.draft);
    setOverriding((prev) => [...new Set([...prev, ...merged.conflicts])]);
    setRebased(true);
    setBase(mapping);
  }
  const [submitted, setSubmitted] = useState(false);
  const isOverride = mapping.origin === "builtin";

  const save = useMutation({
    mutationFn: (patch: MappingPatch) => mappingsApi.update(mapping.canonicalId, patch, mapping.version),
    onSuccess: (saved) => {
      client.setQueryData(keys.mappings.detail(saved.canonicalId), saved);
      void client.invalidateQueries({ queryKey: keys.mappings.all });
      void client.invalidateQueries({ queryKey: keys.audit.all });
      toast.success(isOverride ? `Override created: the scraper now uses your version of ${saved.name}` : `Saved ${saved.name}`, {
        id: `mapping-${saved.canonicalId}`,
      });
      onDone(saved);
    },
  });

  const clientErrors = submitted ? validate(draft) : {};
  const serverErrors = fieldErrorsOf(save.error);
  const holder = holderOf(save.error);
  const errorFor = (field: string): string | undefined => clientErrors[field] ?? serverErrors[field];
  const stale = isApiError(save.error) && save.error.status === 412;
  const changedElsewhere = rebased;
  const patch = patchOf(draft, base);
  const dirty = Object.keys(patch).length > 0;
  const knownFields = new Set(Object.keys(serverErrors).filter((f) => f.startsWith("body.")));
  const general = save.error && !stale && knownFields.size === 0 ? errorMessage(save.error) : null;

  const update = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const updateOutcome = (key: number, p: Partial<OutcomeDraft>) =>
    setDraft((d) => ({ ...d, outcomes: d.outcomes.map((o) => (o.key === key ? { ...o, ...p } : o)) }));
  const move = (index: number, by: -1 | 1) =>
    setDraft((d) => {
      const to = index + by;
      if (to < 0 || to >= d.outcomes.length) return d;
      const outcomes = [...d.outcomes];
      [outcomes[index], outcomes[to]] = [outcomes[to], outcomes[index]];
      return { ...d, outcomes };
    });
  const remove = (key: number) => setDraft((d) => ({ ...d, outcomes: d.outcomes.filter((o) => o.key !== key) }));
  const add = () =>
    setDraft((d) => ({
      ...d,
      outcomes: [...d.outcomes, { key: nextKey++, canonicalId: "", betpawaName: "", sportybetDesc: "", bet9jaSuffix: "" }],
    }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const errors = validate(draft);
    if (hasErrors(errors) || !dirty) {
      // The first invalid control gets the focus, so keyboard and screen reader users land on it.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate({ ...patch, reason: draft.reason.trim() });
  };

  const id = (name: string) => `${uid}-${name}`;
  const errorCount = Object.keys(clientErrors).length;

  return (
    <form ref={formRef} className="mapping-form stack" onSubmit={submit} noValidate aria-label={`Edit ${mapping.name}`}>
      {isOverride && (
        <div className="banner banner-info">
          <div>
            <strong>This is a built-in mapping.</strong>
            <p>
              Saving creates a <em>user override</em> with the same canonical id: the scraper uses your version from its next lookup. The
              built-in entry stays in the catalog and applies again if the override is deactivated.
            </p>
          </div>
        </div>
      )}
      {stale && (
        <div className="banner banner-warning" role="alert">
          <div>
            <strong>Not saved: this mapping changed since you started editing.</strong>
            <p>Someone else saved it meanwhile. Reload to see their version; your edits stay in the form.</p>
          </div>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              save.reset();
              onReload();
            }}
            disabled={reloading}
          >
            {reloading ? "Reloading…" : "Reload mapping"}
          </button>
        </div>
      )}
      {changedElsewhere && !stale && (
        <p className="field-warning">
          Someone else saved this mapping meanwhile (now version {mapping.version ?? "–"}); their changes are merged into the form.{" "}
          {overriding.length > 0
            ? `You changed ${overriding.join(", ")} too: saving replaces their ${overriding.length === 1 ? "value" : "values"} with yours.`
            : "Your own edits are kept."}
        </p>
      )}
      {general && (
        <div className="banner banner-danger" role="alert">
          <span>
            <strong>Not saved.</strong> {general}
          </span>
        </div>
      )}
      {submitted && errorCount > 0 && (
        <div className="banner banner-danger" role="alert">
          <span>
            <strong>Not saved.</strong> Fix the {errorCount === 1 ? "field" : `${formatCount(errorCount)} fields`} marked below.
          </span>
        </div>
      )}

      <div className="form-grid">
        <Field id={id("name")} label="Name" required error={errorFor("body.name")} className="form-wide">
          {(a) => <input {...a} className="input" value={draft.name} maxLength={200} onChange={(e) => update({ name: e.target.value })} />}
        </Field>
        <Field
          id={id("betpawa")}
          label="betpawa market id"
          error={errorFor("body.betpawaId")}
          hint="Empty: no betpawa counterpart, so the scraper cannot compare it."
        >
          {(a) => (
            <input
              {...a}
              className="input mono"
              value={draft.betpawaId}
              maxLength={100}
              onChange={(e) => update({ betpawaId: e.target.value })}
            />
          )}
        </Field>
        <Field
          id={id("sportybet")}
          label="SportyBet market id"
          error={
            errorFor("body.sportybetId") && (
              <>
                {errorFor("body.sportybetId")}
                {holder && serverErrors["body.sportybetId"] && (
                  <>
                    {" "}
                    <Link href={`/mappings/${encodeURIComponent(holder)}`}>Open {holder}</Link>
                  </>
                )}
              </>
            )
          }
        >
          {(a) => (
            <input
              {...a}
              className="input mono"
              value={draft.sportybetId}
              maxLength={100}
              onChange={(e) => update({ sportybetId: e.target.value })}
            />
          )}
        </Field>
        <Field
          id={id("bet9ja")}
          label="Bet9ja market key"
          error={
            errorFor("body.bet9jaKey") && (
              <>
                {errorFor("body.bet9jaKey")}
                {holder && serverErrors["body.bet9jaKey"] && (
                  <>
                    {" "}
                    <Link href={`/mappings/${encodeURIComponent(holder)}`}>Open {holder}</Link>
                  </>
                )}
              </>
            )
          }
          hint="The full key, e.g. S_OU"
        >
          {(a) => (
            <input
              {...a}
              className="input mono"
              value={draft.bet9jaKey}
              maxLength={100}
              onChange={(e) => update({ bet9jaKey: e.target.value })}
            />
          )}
        </Field>
      </div>

      <fieldset className="form-fieldset">
        <legend className="field-label">Outcomes</legend>
        <p className="field-hint" id={id("outcomes-hint")}>
          One row per canonical outcome, in display order. A platform name left empty means that platform does not offer the outcome.
        </p>
        {errorFor("body.outcomes") && (
          <p className="field-error" id={id("outcomes-error")}>
            {errorFor("body.outcomes")}
          </p>
        )}
        <div className="edit-table-scroll">
          <table className="table table-compact edit-table" aria-describedby={id("outcomes-hint")}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Canonical outcome id</th>
                <th scope="col">betpawa name</th>
                <th scope="col">SportyBet name</th>
                <th scope="col">Bet9ja suffix</th>
                <th scope="col">
                  <span className="visually-hidden">Row actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.outcomes.map((o, i) => {
                const cell = (col: "canonicalId" | "betpawaName" | "sportybetDesc" | "bet9jaSuffix", label: string, mono = false) => {
                  const err = errorFor(`body.outcomes.${i}.${col}`);
                  const errId = id(`o${o.key}-${col}-error`);
                  return (
                    <td>
                      <input
                        className={mono ? "input input-cell mono" : "input input-cell"}
                        value={o[col]}
                        aria-label={`Row ${i + 1} ${label}`}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? errId : undefined}
                        maxLength={200}
                        onChange={(e) => updateOutcome(o.key, { [col]: e.target.value })}
                      />
                      <CellError id={errId} error={err} />
                    </td>
                  );
                };
                return (
                  <tr key={o.key}>
                    <td className="num muted">{i + 1}</td>
                    {cell("canonicalId", "canonical outcome id", true)}
                    {cell("betpawaName", "betpawa name")}
                    {cell("sportybetDesc", "SportyBet name")}
                    {cell("bet9jaSuffix", "Bet9ja suffix", true)}
                    <td className="cell-row-actions">
                      <button
                        type="button"
                        className="row-button"
                        onClick={() => move(i, -1)}
                        disabled={i === 0}
                        aria-label={`Move row ${i + 1} up`}
                        title="Move up"
                      >
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button
                        type="button"
                        className="row-button"
                        onClick={() => move(i, 1)}
                        disabled={i === draft.outcomes.length - 1}
                        aria-label={`Move row ${i + 1} down`}
                        title="Move down"
                      >
                        <span aria-hidden="true">↓</span>
                      </button>
                      <button
                        type="button"
                        className="row-button row-button-danger"
                        onClick={() => remove(o.key)}
                        aria-label={`Remove row ${i + 1}`}
                        title="Remove"
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div>
          <button type="button" className="button button-small" onClick={add}>
            + Add outcome
          </button>
        </div>
      </fieldset>

      <Field
        id={id("reason")}
        label="Reason for the change"
        required
        error={errorFor("body.reason")}
        hint={`Kept in the mapping's history. ${formatCount(draft.reason.length)} / ${REASON_LIMIT}`}
      >
        {(a) => (
          <textarea
            {...a}
            className="input textarea textarea-short"
            rows={2}
            value={draft.reason}
            placeholder="e.g. SportyBet renamed the outcomes"
            onChange={(e) => update({ reason: e.target.value })}
          />
        )}
      </Field>

      <div className="form-actions">
        {submitted && !dirty && <span className="muted">Nothing to save: no field differs from the current mapping.</span>}
        <button type="button" className="button" onClick={onCancel} disabled={save.isPending}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : isOverride ? "Create override" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
