"use client";
// The mapping editor's form: the target (extend or new), the outcome pairing, a preview of the
// resulting mapping, a required reason and submit. One POST maps the market and marks it MAPPED.
// Fields live in react-hook-form, validated by the contract's field schemas (map-draft.ts); the
// choice of mapping to extend is the target reducer's.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { FormProvider, useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { errorMessage, fieldErrorsOf, holderOf, isApiError } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { mappingQueries } from "@/lib/api/mappings";
import { unmappedApi, unmappedQueries } from "@/lib/api/unmapped";
import type { MapResult } from "@/lib/contract/mappings";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { showServerErrors } from "@/components/forms/server-errors";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import {
  defaultMode,
  extendDraftOf,
  initialValues,
  needsDraft,
  outcomeFieldOf,
  platformIdFieldOf,
  targetReducer,
  type MapFormValues,
} from "./map-draft";
import { formFieldOf, previewOf, requestBody } from "./map-request";
import { mapFormSchema, OUTCOMES_FIELD, type TargetContext } from "./map-rules";
import { MappedState } from "./mapped-state";
import { ExtendOutcomes, NewOutcomes } from "./outcome-pairing";
import { MappingPreview } from "./preview";
import { TargetSection } from "./target-section";
import { bestPairingChanges, fixableComparison, withOverride } from "./price-check";
import { PriceCheckPanel } from "./price-check-panel";
import { SaveSection } from "./save-section";
import { useDebounced, usePriceCheck } from "./use-price-check";
import styles from "./map-editor.module.css";
import { countErrors, FixMarked, FormProblem, ReloadBanner } from "@/components/forms/form-problem";

const mapResolver: Resolver<MapFormValues, TargetContext> = (values, context, options) =>
  (
    zodResolver(mapFormSchema(context ?? { source: "sportybet", mapping: null, occupiedBy: null, idTaken: false })) as unknown as Resolver<
      MapFormValues,
      TargetContext
    >
  )(values, context, options);

export function MapEditor({ market, onReload, reloading }: { market: UnmappedDetail; onReload: () => void; reloading: boolean }) {
  const client = useQueryClient();
  const source = market.source;
  const platform = PLATFORM_LABEL[source];
  const candidates = useQuery(unmappedQueries.candidates(market.id));
  const [target, dispatch] = useReducer(targetReducer, { pick: null, drafted: null });
  const picked = useQuery({ ...mappingQueries.detail(target.pick?.canonicalId ?? ""), enabled: target.pick !== null });
  const mapping = target.pick && picked.data?.canonicalId === target.pick.canonicalId ? picked.data : null;
  const [result, setResult] = useState<MapResult | null>(null);

  // What validation and the request need besides the fields: react-hook-form hands the latest
  // render's context to the resolver.
  const [context, setContext] = useState<TargetContext>({ source, mapping: null, occupiedBy: null, idTaken: false });
  const form = useForm<MapFormValues, TargetContext>({ defaultValues: initialValues(market), context, resolver: mapResolver });
  const values = useWatch({ control: form.control }) as MapFormValues;
  const mode = values.mode;

  // Until the user chooses, the mode follows the suggestions: extend when one is convincing.
  const chosenMode = useRef(false);
  useEffect(() => {
    if (!chosenMode.current && candidates.data) form.setValue("mode", defaultMode(candidates.data));
  }, [candidates.data, form]);
  // A newly loaded (or changed) mapping gets its pre-filled pairing once; edits are kept after that.
  const samples = useMemo(() => market.sampleOutcomes.map((o) => o.name), [market.sampleOutcomes]);
  useEffect(() => {
    if (!needsDraft(target, mapping)) return;
    form.setValue("extend", extendDraftOf(mapping, source, samples, target.pick?.pairings ?? null));
    dispatch({ type: "drafted", mapping });
  }, [target, mapping, source, samples, form]);

  // "New": an active mapping with the same id would be extended instead of created. Searched
  // through the list (which matches canonical ids) rather than GET by id: a free id is not an error.
  const slug = useDebounced(values.fresh.canonicalId.trim(), 300);
  const slugValid = /^[a-z0-9_]{1,100}$/.test(slug);
  const sameId = useQuery({
    ...mappingQueries.list({ q: slug, active: true, sort: "name", order: "asc", page: 1, pageSize: 50 }),
    enabled: mode === "new" && slugValid,
  });
  const existing = slugValid ? (sameId.data?.items.find((m) => m.canonicalId === slug) ?? null) : null;
  const idField = platformIdFieldOf(source);
  const occupiedBy = mapping && mapping[idField] !== null && mapping[idField] !== market.externalMarketId ? mapping[idField] : null;
  const idTaken = mode === "new" && existing !== null && slug === values.fresh.canonicalId.trim();
  const body = requestBody(values, { source, mapping, occupiedBy, idTaken });
  const done = result !== null || market.status === "MAPPED";
  const check = usePriceCheck(market.id, body, !done);
  const suspicious = check.suspicious;
  if (context.mapping !== mapping || context.occupiedBy !== occupiedBy || context.idTaken !== idTaken || context.suspicious !== suspicious)
    setContext({ source, mapping, occupiedBy, idTaken, suspicious });
  const ctx = { source, mapping, occupiedBy, idTaken, suspicious };
  const fixable = fixableComparison(check.query.data, values, mapping);
  const applyBestPairing = () => {
    if (!fixable || !mapping) return;
    for (const c of bestPairingChanges(form.getValues("extend.rows"), mapping, fixable)) {
      form.setValue(`extend.rows.${c.index}.sample`, c.sample, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
      form.setValue(`extend.rows.${c.index}.betpawaName`, c.betpawaName, { shouldDirty: true });
    }
  };

  const save = useMutation({
    mutationFn: (v: MapFormValues) => {
      const body = requestBody(v, ctx);
      if (!body) throw new Error("Pick a mapping first.");
      return unmappedApi.map(market.id, withOverride(body, v, suspicious));
    },
    onSuccess: (r) => {
      client.setQueryData(keys.unmapped.detail(market.id), r.market);
      if (r.counterpart) client.setQueryData(keys.unmapped.detail(r.counterpart.id), r.counterpart);
      client.setQueryData(keys.mappings.detail(r.mapping.canonicalId), r.mapping);
      void client.invalidateQueries({ queryKey: keys.unmapped.all });
      void client.invalidateQueries({ queryKey: keys.mappings.all });
      void client.invalidateQueries({ queryKey: keys.audit.all });
      void client.invalidateQueries({ queryKey: keys.stats.all });
      setResult(r);
    },
    onError: (e) => {
      // Refused as suspicious: the check changed since the panel's answer, so ask it again.
      if (fieldErrorsOf(e)["body.confirmSuspicious"]) void client.invalidateQueries({ queryKey: keys.unmapped.checksOf(market.id) });
      const v = form.getValues();
      showServerErrors(e, form.setError, (field) => formFieldOf(field, v, source) as never);
    },
  });

  const onInvalid = (errors: FieldErrors<MapFormValues>) => {
    // react-hook-form focuses the first invalid input; the choice of mapping has none.
    if (Object.keys(errors).length === 1 && "target" in errors)
      requestAnimationFrame(() => document.getElementById("target-error")?.focus());
  };

  const holder = holderOf(save.error);
  const alreadyMapped = isApiError(save.error) && save.error.status === 409 && !holder;
  const errorCount = countErrors(form.formState.errors);
  const serverPlaced = Object.keys(form.formState.errors).length > 0;
  const generalError = save.error && !alreadyMapped && !serverPlaced ? errorMessage(save.error) : null;
  const outcomesError = (form.formState.errors as Record<string, { message?: string } | undefined>)[OUTCOMES_FIELD]?.message;
  const odds = useMemo(() => new Map(market.sampleOutcomes.map((o) => [o.name, o.odds])), [market.sampleOutcomes]);

  if (done) return <MappedState market={market} result={result} />;
  return (
    <FormProvider {...form}>
      <form className="stack" onSubmit={form.handleSubmit((v) => save.mutate(v), onInvalid)} noValidate aria-label="Map this market">
        {alreadyMapped && (
          <ReloadBanner outcome="Not mapped." action="Reload the market" onReload={onReload} reloading={reloading}>
            <span>{errorMessage(save.error)}</span>
          </ReloadBanner>
        )}
        {generalError && <FormProblem outcome="Not mapped.">{generalError}</FormProblem>}
        {form.formState.isSubmitted && <FixMarked outcome="Not mapped yet." count={errorCount} noun={["problem", "problems"]} />}

        <TargetSection
          market={market}
          candidates={candidates}
          pick={target.pick}
          picked={picked}
          mapping={mapping}
          occupiedBy={occupiedBy}
          existing={existing}
          holder={holder}
          onMode={() => {
            chosenMode.current = true;
            save.reset();
          }}
          onPick={(canonicalId, pairings) => {
            chosenMode.current = true;
            dispatch({ type: "pick", canonicalId, pairings });
            form.setValue("mode", "extend");
            save.reset();
          }}
        />

        <div className={styles.pairingGrid}>
          <section className="card" aria-labelledby="pairing-title">
            <header className="card-header">
              <h2 id="pairing-title">2. Outcomes</h2>
              <span className="card-note">
                {mode === "extend" ? `pair each outcome with the ${platform} name` : `one per ${platform} outcome`}
              </span>
            </header>
            <div className="card-body stack-tight">
              {outcomesError && (
                <p className="field-error" id="outcomes-error">
                  {outcomesError}
                </p>
              )}
              {mode === "extend" ? (
                mapping && target.drafted ? (
                  <ExtendOutcomes mapping={mapping} samples={market.sampleOutcomes} source={source} />
                ) : (
                  <p className="muted">Pick the mapping to extend first; its outcomes are paired with this market&apos;s outcomes here.</p>
                )
              ) : (
                <NewOutcomes source={source} odds={odds} />
              )}
              <p className="muted table-note">
                The scraper matches {platform} outcomes by these names (
                {outcomeFieldOf(source) === "sportybetDesc" ? "the outcome desc" : "the key's outcome suffix"}), exactly.
              </p>
            </div>
          </section>
          <PriceCheckPanel check={check.query} hasBody={check.hasBody} stale={check.stale} fixable={fixable} onUseBest={applyBestPairing} />
        </div>

        <MappingPreview entry={previewOf(values, ctx, market)} market={market} body={body} />

        <SaveSection marketId={market.id} pending={save.isPending} suspicious={suspicious} />
      </form>
    </FormProvider>
  );
}
