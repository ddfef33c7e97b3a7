"use client";
// Creating or editing a mapping: name, platform ids, betpawa id and the outcomes, on
// react-hook-form validated by the contract's own schema. An edit is one PATCH with only what
// changed and If-Match (the user row's version), so a change made elsewhere meanwhile is never
// overwritten silently; on a built-in entry the same PATCH creates the user override.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormProvider, useForm, type SubmitHandler } from "react-hook-form";
import { toast } from "sonner";
import { errorMessage, holderOf, isApiError } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { mappingsApi } from "@/lib/api/mappings";
import type { MappingDetail } from "@/lib/contract/mappings";
import { showServerErrors } from "@/components/forms/server-errors";
import { ReasonField } from "@/components/forms/form-fields";
import { MappingFields } from "./mapping-fields";
import { draftOf, mappingCreateFormSchema, mappingEditSchema, patchOf, rebase, type MappingDraft } from "./mapping-draft";
import { MappingOutcomes } from "./mapping-outcomes";
import { countErrors, FixMarked, FormProblem, ReloadBanner } from "@/components/forms/form-problem";
import { SubmitButton } from "@/components/forms/submit-button";

type Props =
  | {
      mode: "edit";
      mapping: MappingDetail;
      onDone: (saved: MappingDetail) => void;
      onCancel: () => void;
      /** Fetches the mapping again; resolves with what the server has now. */
      onReload: () => Promise<MappingDetail | undefined>;
      reloading: boolean;
    }
  | { mode: "create"; onDone: (saved: MappingDetail) => void; onCancel: () => void };

type Values = ReturnType<typeof mappingEditSchema.parse>;

export function MappingForm(props: Props) {
  const client = useQueryClient();
  const mapping = props.mode === "edit" ? props.mapping : null;
  const isOverride = mapping?.origin === "builtin";
  const form = useForm<MappingDraft, unknown, Values>({
    defaultValues: draftOf(mapping),
    resolver: zodResolver(props.mode === "edit" ? mappingEditSchema : mappingCreateFormSchema) as never,
  });
  const { formState, reset, getValues, setError } = form;

  // What the draft started from: only fields changed against it are sent, with its version as
  // If-Match. Someone else's save, fetched by "Reload", is merged in: fields this user left alone
  // take their values; fields both changed keep this user's value (and are listed, since saving
  // replaces theirs).
  const [base, setBase] = useState(mapping);
  const [overriding, setOverriding] = useState<string[]>([]);
  const [rebased, setRebased] = useState(false);
  const reloadAndMerge = async () => {
    if (props.mode !== "edit" || !base) return;
    const next = await props.onReload();
    if (!next || (next.version === base.version && next.updatedAt === base.updatedAt)) return;
    const merged = rebase(getValues(), base, next);
    reset(merged.draft, { keepIsSubmitted: true, keepSubmitCount: true });
    setOverriding((prev) => [...new Set([...prev, ...merged.conflicts])]);
    setRebased(true);
    setBase(next);
  };
  const [nothingToSave, setNothingToSave] = useState(false);

  const save = useMutation({
    mutationFn: async (values: Values & { canonicalId?: string }) => {
      if (props.mode === "create") {
        const { reason, ...fields } = values;
        return mappingsApi.create({ canonicalId: values.canonicalId ?? "", ...fields, reason });
      }
      const from = base ?? props.mapping;
      return mappingsApi.update(from.canonicalId, { ...patchOf(values, from), reason: values.reason }, from.version);
    },
    onSuccess: (saved) => {
      client.setQueryData(keys.mappings.detail(saved.canonicalId), saved);
      void client.invalidateQueries({ queryKey: keys.mappings.all });
      void client.invalidateQueries({ queryKey: keys.audit.all });
      const message =
        props.mode === "create"
          ? `Created ${saved.name}: the scraper uses it from its next lookup`
          : isOverride
            ? `Override created: the scraper now uses your version of ${saved.name}`
            : `Saved ${saved.name}`;
      toast.success(message, { id: `mapping-${saved.canonicalId}` });
      props.onDone(saved);
    },
    onError: (e) => showServerErrors(e, setError),
  });

  const submit: SubmitHandler<Values> = (values) => {
    if (mapping && Object.keys(patchOf(values, base ?? mapping)).length === 0) {
      setNothingToSave(true);
      return;
    }
    setNothingToSave(false);
    save.mutate(values);
  };

  const stale = isApiError(save.error) && save.error.status === 412;
  const placedOnFields = Object.values(formState.errors).some((e) => e?.type === "server");
  const general = save.error && !stale && !placedOnFields && Object.keys(formState.errors).length === 0 ? errorMessage(save.error) : null;
  const errorCount = countErrors(formState.errors);
  // A rule over all outcomes (at least one, ids unique) is the field array's own error.
  const outcomesError = formState.errors.outcomes?.message ?? formState.errors.outcomes?.root?.message;
  const label = mapping ? `Edit ${mapping.name}` : "New mapping";

  return (
    <FormProvider {...form}>
      <form className="mapping-form stack" onSubmit={form.handleSubmit(submit)} noValidate aria-label={label}>
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
        {stale && props.mode === "edit" && (
          <ReloadBanner
            outcome="Not saved: this mapping changed since you started editing."
            action="Reload mapping"
            onReload={() => {
              save.reset();
              void reloadAndMerge();
            }}
            reloading={props.reloading}
          >
            <p>Someone else saved it meanwhile. Reload to see their version; your edits stay in the form.</p>
          </ReloadBanner>
        )}
        {rebased && !stale && (
          <p className="field-warning">
            Someone else saved this mapping meanwhile (now version {base?.version ?? "–"}); their changes are merged into the form.{" "}
            {overriding.length > 0
              ? `You changed ${overriding.join(", ")} too: saving replaces their ${overriding.length === 1 ? "value" : "values"} with yours.`
              : "Your own edits are kept."}
          </p>
        )}
        {general && <FormProblem outcome="Not saved.">{general}</FormProblem>}
        {formState.isSubmitted && <FixMarked outcome="Not saved." count={errorCount} noun={["field", "fields"]} />}

        <MappingFields creating={props.mode === "create"} holder={holderOf(save.error)} />

        <fieldset className="form-fieldset">
          <legend className="field-label">Outcomes</legend>
          <p className="field-hint" id="mapping-outcomes-hint">
            One row per canonical outcome, in display order. A platform name left empty means that platform does not offer the outcome.
          </p>
          {outcomesError && (
            <p className="field-error" id="mapping-outcomes-error">
              {outcomesError}
            </p>
          )}
          <MappingOutcomes
            caption={mapping ? `Outcomes of ${mapping.name} (editing)` : "Outcomes of the new mapping"}
            describedBy="mapping-outcomes-hint"
          />
        </fieldset>

        <ReasonField<MappingDraft>
          name="reason"
          label="Reason for the change"
          kept="Kept in the mapping's history."
          placeholder="e.g. SportyBet renamed the outcomes"
        />

        <div className="form-actions">
          {nothingToSave && <span className="muted">Nothing to save: no field differs from the current mapping.</span>}
          <button type="button" className="button" onClick={props.onCancel} disabled={save.isPending}>
            Cancel
          </button>
          <SubmitButton pending={save.isPending} pendingLabel="Saving…">
            {props.mode === "create" ? "Create mapping" : isOverride ? "Create override" : "Save changes"}
          </SubmitButton>
        </div>
      </form>
    </FormProvider>
  );
}
