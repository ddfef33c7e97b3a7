"use client";
// The mapping editor: turn one unmapped market into a mapping the scraper uses on its next lookup.
// Left, the source market (outcomes, lines, what mapping it gains); right, the target (extend a
// suggested or searched mapping, or create a new one), the outcome pairing, a preview of the
// resulting mapping, a required reason and submit. One POST maps it and marks the market MAPPED.
import { errorMessage, fieldErrorsOf, holderOf, isApiError } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { mappingQueries } from "@/lib/api/mappings";
import { unmappedApi, unmappedQueries } from "@/lib/api/unmapped";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import type { Candidates, MapResult } from "@/lib/contract/mappings";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { useIsClient } from "@/components/ui/clock";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { formatCount } from "@/components/ui/format";
import { LinkPending } from "@/components/ui/link-pending";
import { Skeleton } from "@/components/ui/skeleton";
import { PlatformBadge, StatusBadge } from "@/components/unmapped/badges";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { Field } from "@/components/forms/field";
import { OriginBadge } from "../labels";
import { hasErrors, REASON_LIMIT, type FieldErrors } from "../validation";
import {
  draftIsFor,
  extendDraftOf,
  newDraftOf,
  outcomeFieldOf,
  platformIdFieldOf,
  previewOf,
  requestBody,
  validate,
  type ExtendDraft,
  type ExtendRow,
  type Mode,
  type NewDraft,
  type Pairing,
  type Target,
} from "./map-draft";
import { ExtendOutcomes, NewOutcomes } from "./outcome-pairing";
import { MappingPreview } from "./preview";
import { SourceMarket } from "./source-market";
import { TargetPicker } from "./target-picker";
import "../mappings.css";

/** Extend when a free suggestion is convincing; otherwise start a new mapping. */
function defaultMode(candidates: Candidates | undefined): Mode {
  return candidates?.mappings.some((c) => !c.occupied && c.score >= 0.6) ? "extend" : "new";
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

function Header({ market }: { market: UnmappedDetail }) {
  return (
    <header className="detail-header">
      <div className="detail-topbar">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <ol>
            <li>
              <Link href="/unmapped">
                Unmapped markets
                <LinkPending />
              </Link>
            </li>
            <li>
              <Link href={`/unmapped/${market.id}`}>
                #{market.id}
                <LinkPending />
              </Link>
            </li>
            <li aria-current="page">Map</li>
          </ol>
        </nav>
      </div>
      <h1 id="map-title" className="detail-title">
        <span className="title-prefix">Map</span> {market.marketName}
      </h1>
      <div className="detail-meta">
        <PlatformBadge source={market.source} />
        <span className="mono detail-id">{market.externalMarketId}</span>
        <StatusBadge status={market.status} />
      </div>
    </header>
  );
}

function MappedState({ market, result }: { market: UnmappedDetail; result: MapResult | null }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) headingRef.current?.focus();
  }, [result]);
  const canonicalId = result?.mapping.canonicalId ?? market.mappingCanonicalId;
  const name = result?.mapping.name ?? canonicalId;
  return (
    <section className={result ? "card success-card" : "card"} aria-labelledby="mapped-title">
      <header className="card-header">
        <h2 id="mapped-title" ref={headingRef} tabIndex={-1}>
          {result ? "Mapped" : "This market is already mapped"}
        </h2>
        <StatusBadge status="MAPPED" />
      </header>
      <div className="card-body stack">
        <p>
          {PLATFORM_LABEL[market.source]} market <span className="mono">{market.externalMarketId}</span> {result ? "now maps" : "maps"} to{" "}
          {canonicalId ? (
            <>
              <strong>{name}</strong> <span className="mono muted">{canonicalId}</span>
            </>
          ) : (
            "a mapping"
          )}
          .{" "}
          {result
            ? "The scraper uses it from its next lookup: the market's odds join the comparison and its sightings stop counting as unmapped."
            : "If that mapping is removed or stops matching, the market reopens as New (regressed)."}
        </p>
        {result && result.mapping.origin === "user" && result.mapping.builtin && (
          <p className="muted">Saved as a user override of the built-in entry {result.mapping.builtin.name}.</p>
        )}
        <div className="card-actions">
          <Link href={`/unmapped/${market.id}`} className="button button-primary">
            Open the market
            <LinkPending />
          </Link>
          {canonicalId && (
            <Link href={`/mappings/${encodeURIComponent(canonicalId)}`} className="button">
              Open the mapping
              <LinkPending />
            </Link>
          )}
          <Link href="/unmapped" className="button button-ghost">
            Back to unmapped markets
          </Link>
        </div>
      </div>
    </section>
  );
}

function PageSkeleton() {
  return (
    <div className="detail-page" role="status" aria-busy="true" aria-label="Loading the market">
      <div className="detail-header">
        <Skeleton width="14rem" />
        <Skeleton width="26rem" height="1.6rem" className="skeleton-title" />
      </div>
      <div className="map-grid">
        <div className="card">
          <div className="card-body stack-tight">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} width={`${60 + ((i * 13) % 35)}%`} />
            ))}
          </div>
        </div>
        <div className="card">
          <div className="card-body stack-tight">
            <Skeleton width="100%" height="2rem" />
            <Skeleton width="100%" height="8rem" />
          </div>
        </div>
      </div>
    </div>
  );
}

export function MapMarketPage({ id }: { id: number }) {
  const detail = useQuery({ ...unmappedQueries.detail(id) });
  const market = detail.data;
  if (!market) {
    if (detail.isPending) return <PageSkeleton />;
    if (isApiError(detail.error) && detail.error.status === 404) {
      return (
        <div className="detail-page">
          <EmptyState
            title="This market does not exist"
            actions={
              <Link href="/unmapped" className="button">
                Back to the list
              </Link>
            }
          >
            <p>Market #{id} is not in the database. The link may be wrong, or the database was reset.</p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="detail-page">
        <ErrorState
          title="The market could not be loaded"
          message={errorMessage(detail.error)}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      </div>
    );
  }
  return <MapEditor market={market} onReload={() => void detail.refetch()} reloading={detail.isFetching} />;
}

function MapEditor({ market, onReload, reloading }: { market: UnmappedDetail; onReload: () => void; reloading: boolean }) {
  const client = useQueryClient();
  const uid = useId();
  const isClient = useIsClient();
  const formRef = useRef<HTMLFormElement>(null);
  const source = market.source;
  const platform = PLATFORM_LABEL[source];

  const candidates = useQuery({
    ...unmappedQueries.candidates(market.id),
  });
  const [chosenMode, setMode] = useState<Mode | null>(null);
  const mode = chosenMode ?? defaultMode(candidates.data);
  const [pick, setPick] = useState<{ canonicalId: string; pairings: Pairing[] | null } | null>(null);
  const [extend, setExtend] = useState<ExtendDraft | null>(null);
  const [fresh, setFresh] = useState<NewDraft>(() => newDraftOf(market));
  const [reason, setReason] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [result, setResult] = useState<MapResult | null>(null);

  const picked = useQuery({
    ...mappingQueries.detail(pick?.canonicalId ?? ""),
    enabled: pick !== null,
  });
  const mapping = pick && picked.data?.canonicalId === pick.canonicalId ? picked.data : null;
  const samples = useMemo(() => market.sampleOutcomes.map((o) => o.name), [market.sampleOutcomes]);
  // A newly loaded (or changed) mapping gets its pre-filled pairing once; edits are kept after that.
  if (mapping && pick && !draftIsFor(extend, mapping)) {
    setExtend(extendDraftOf(mapping, source, samples, pick.pairings));
  }
  const extendDraft = mapping && extend && extend.canonicalId === mapping.canonicalId ? extend : null;

  // "New": an active mapping with the same id would be extended instead of created.
  const slug = useDebounced(fresh.canonicalId.trim(), 300);
  const slugValid = /^[a-z0-9_]{1,100}$/.test(slug);
  // Searched through the list (which matches canonical ids) rather than GET by id: a free id is not an error.
  const slugQuery = { q: slug, active: true, page: 1, pageSize: 50 };
  const sameId = useQuery({
    ...mappingQueries.list(slugQuery),
    enabled: mode === "new" && slugValid,
  });
  const existing = slugValid ? (sameId.data?.items.find((m) => m.canonicalId === slug) ?? null) : null;
  const idTaken = mode === "new" && existing !== null && slug === fresh.canonicalId.trim();

  const idField = platformIdFieldOf(source);
  const occupiedBy = mapping && mapping[idField] !== null && mapping[idField] !== market.externalMarketId ? mapping[idField] : null;
  const target: Target = { mode, mapping, occupiedBy, extend: extendDraft, fresh, idTaken, reason };
  const body = requestBody(target, source);
  const preview = previewOf(target, market);

  const save = useMutation({
    mutationFn: () => {
      const b = requestBody(target, source);
      if (!b) throw new Error("Pick a mapping first.");
      return unmappedApi.map(market.id, b);
    },
    onSuccess: (r) => {
      client.setQueryData(keys.unmapped.detail(market.id), r.market);
      client.setQueryData(keys.mappings.detail(r.mapping.canonicalId), r.mapping);
      void client.invalidateQueries({ queryKey: keys.unmapped.all });
      void client.invalidateQueries({ queryKey: keys.mappings.all });
      void client.invalidateQueries({ queryKey: keys.audit.all });
      void client.invalidateQueries({ queryKey: keys.stats.all });
      setResult(r);
    },
  });

  // Server field errors; in "new" mode the request's outcome positions count included rows only.
  const serverErrors = useMemo(() => {
    const raw = fieldErrorsOf(save.error);
    if (mode !== "new") return raw;
    const rows = fresh.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.include);
    const out: FieldErrors = {};
    for (const [field, message] of Object.entries(raw)) {
      const m = /^body\.outcomes\.(\d+)\.(\w+)$/.exec(field);
      const row = m ? rows[Number(m[1])] : undefined;
      if (m && row) {
        const col = m[2] === "canonicalId" || m[2] === "betpawaName" ? m[2] : "sample";
        out[`row.${row.i}.${col}`] = message;
      } else out[field] = message;
    }
    return out;
  }, [save.error, mode, fresh.rows]);
  const clientErrors = submitted ? validate(target, source) : {};
  const errorFor = (field: string): string | undefined => clientErrors[field] ?? serverErrors[field];
  const holder = holderOf(save.error);
  const holderError = serverErrors["body.sportybetId"] ?? serverErrors["body.bet9jaKey"];
  const shownFields = [
    "body.canonicalId",
    "body.name",
    "body.betpawaId",
    "body.outcomes",
    "body.reason",
    "body.sportybetId",
    "body.bet9jaKey",
  ];
  const generalError =
    save.error && !Object.keys(serverErrors).some((f) => shownFields.includes(f) || f.startsWith("row.") || f.startsWith("body.outcomes."))
      ? errorMessage(save.error)
      : null;
  const alreadyMapped = isApiError(save.error) && save.error.status === 409 && !holder;
  const clientErrorCount = Object.keys(clientErrors).length;

  const chooseMode = (m: Mode) => {
    setMode(m);
    save.reset();
  };
  const onPick = (canonicalId: string, pairings: Pairing[] | null) => {
    setPick({ canonicalId, pairings });
    setMode("extend");
    save.reset();
  };
  const updateExtendRow = (index: number, patch: Partial<ExtendRow>) =>
    setExtend((d) => (d ? { ...d, rows: d.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) } : d));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (hasErrors(validate(target, source))) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .target-error-anchor')?.focus());
      return;
    }
    save.mutate();
  };

  const id = (name: string) => `${uid}-${name}`;
  const done = result !== null || market.status === "MAPPED";
  const odds = useMemo(() => new Map(market.sampleOutcomes.map((o) => [o.name, o.odds])), [market.sampleOutcomes]);

  return (
    <article className="detail-page map-page" aria-labelledby="map-title" data-hydrated={isClient || undefined}>
      <Header market={market} />
      <div className="map-grid">
        <div className="stack map-source">
          <SourceMarket market={market} />
        </div>
        <div className="stack">
          {done ? (
            <MappedState market={market} result={result} />
          ) : (
            <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-label="Map this market">
              {alreadyMapped && (
                <div className="banner banner-warning" role="alert">
                  <div>
                    <strong>Not mapped.</strong> <span>{errorMessage(save.error)}</span>
                  </div>
                  <button type="button" className="button button-small" onClick={onReload} disabled={reloading}>
                    {reloading ? "Reloading…" : "Reload the market"}
                  </button>
                </div>
              )}
              {generalError && !alreadyMapped && (
                <div className="banner banner-danger" role="alert">
                  <span>
                    <strong>Not mapped.</strong> {generalError}
                  </span>
                </div>
              )}
              {submitted && clientErrorCount > 0 && (
                <div className="banner banner-danger" role="alert">
                  <span>
                    <strong>Not mapped yet.</strong> Fix the{" "}
                    {clientErrorCount === 1 ? "problem" : `${formatCount(clientErrorCount)} problems`} marked below.
                  </span>
                </div>
              )}

              <section className="card" aria-labelledby="target-title">
                <header className="card-header">
                  <h2 id="target-title">1. Target mapping</h2>
                </header>
                <div className="card-body stack">
                  <fieldset className="mode-switch">
                    <legend className="visually-hidden">Target</legend>
                    <label className={mode === "extend" ? "mode-option mode-option-current" : "mode-option"}>
                      <input
                        type="radio"
                        name={id("mode")}
                        value="extend"
                        checked={mode === "extend"}
                        onChange={() => chooseMode("extend")}
                      />
                      <span>
                        <strong>Extend an existing mapping</strong>
                        <span className="mode-hint">
                          Add {platform} {market.externalMarketId} to a canonical market that exists
                        </span>
                      </span>
                    </label>
                    <label className={mode === "new" ? "mode-option mode-option-current" : "mode-option"}>
                      <input type="radio" name={id("mode")} value="new" checked={mode === "new"} onChange={() => chooseMode("new")} />
                      <span>
                        <strong>Create a new mapping</strong>
                        <span className="mode-hint">A new canonical market with its betpawa counterpart</span>
                      </span>
                    </label>
                  </fieldset>

                  {holderError && (
                    <p className="field-error" role="alert">
                      {holderError}
                      {holder && (
                        <>
                          {" "}
                          <Link href={`/mappings/${encodeURIComponent(holder)}`}>Open {holder}</Link>
                        </>
                      )}
                    </p>
                  )}

                  {mode === "extend" ? (
                    <>
                      {errorFor("body.canonicalId") && (
                        <p className="field-error target-error-anchor" id={id("target-error")} tabIndex={-1}>
                          {errorFor("body.canonicalId")}
                          {holder && !holderError && (
                            <>
                              {" "}
                              <Link href={`/mappings/${encodeURIComponent(holder)}`}>Open {holder}</Link>
                            </>
                          )}
                        </p>
                      )}
                      <TargetPicker
                        market={market}
                        candidates={{
                          data: candidates.data,
                          isPending: candidates.isPending,
                          error: candidates.error,
                          refetch: () => void candidates.refetch(),
                        }}
                        selected={pick?.canonicalId ?? null}
                        onPick={onPick}
                      />
                      {pick && (
                        <div className="selected-mapping" aria-live="polite">
                          {!mapping ? (
                            picked.isError ? (
                              <p className="field-error">
                                Could not load {pick.canonicalId}: {errorMessage(picked.error)}
                              </p>
                            ) : (
                              <p className="muted">Loading {pick.canonicalId}…</p>
                            )
                          ) : (
                            <>
                              <p className="selected-title">
                                Extending <strong>{mapping.name}</strong> <span className="mono muted">{mapping.canonicalId}</span>{" "}
                                <OriginBadge origin={mapping.origin} />{" "}
                                <Link href={`/mappings/${encodeURIComponent(mapping.canonicalId)}`} target="_blank">
                                  Open the mapping<span className="visually-hidden"> (new tab)</span>
                                </Link>
                              </p>
                              {mapping.origin === "builtin" && (
                                <p className="muted">
                                  A built-in entry: mapping this market saves a user override of it with {platform}{" "}
                                  {market.externalMarketId} added.
                                </p>
                              )}
                              {occupiedBy && (
                                <p className="field-error">
                                  It already maps {platform} {occupiedBy}; a mapping takes one market per platform. Pick another one or
                                  create a new mapping.
                                </p>
                              )}
                              {extendDraft && (
                                <div className="form-grid">
                                  <Field id={id("x-name")} label="Name" required error={errorFor("body.name")}>
                                    {(a) => (
                                      <input
                                        {...a}
                                        className="input"
                                        value={extendDraft.name}
                                        maxLength={200}
                                        onChange={(e) => setExtend({ ...extendDraft, name: e.target.value })}
                                      />
                                    )}
                                  </Field>
                                  <Field
                                    id={id("x-betpawa")}
                                    label="betpawa market id"
                                    required
                                    error={errorFor("body.betpawaId")}
                                    hint={
                                      mapping.betpawaId
                                        ? undefined
                                        : "This mapping has no betpawa counterpart yet: without one the market stays unmapped."
                                    }
                                  >
                                    {(a) => (
                                      <input
                                        {...a}
                                        className="input mono"
                                        value={extendDraft.betpawaId}
                                        maxLength={100}
                                        onChange={(e) => setExtend({ ...extendDraft, betpawaId: e.target.value })}
                                      />
                                    )}
                                  </Field>
                                </div>
                              )}
                            </>
                          )}
                        </div>
                      )}
                    </>
                  ) : (
                    <div className="form-grid">
                      <Field
                        id={id("n-id")}
                        label="Canonical id"
                        required
                        error={
                          errorFor("body.canonicalId") && (
                            <>
                              {errorFor("body.canonicalId")}
                              {idTaken && existing && (
                                <>
                                  {" "}
                                  <button type="button" className="link-button" onClick={() => onPick(existing.canonicalId, null)}>
                                    Extend {existing.name} instead
                                  </button>
                                </>
                              )}
                            </>
                          )
                        }
                        hint="Lower-case letters, digits and _, e.g. match_shots_outside_box"
                      >
                        {(a) => (
                          <input
                            {...a}
                            className="input mono"
                            value={fresh.canonicalId}
                            maxLength={100}
                            spellCheck={false}
                            onChange={(e) => setFresh({ ...fresh, canonicalId: e.target.value })}
                          />
                        )}
                      </Field>
                      <Field
                        id={id("n-name")}
                        label="Name"
                        required
                        error={errorFor("body.name")}
                        hint="As traders will read it, e.g. Match Shots Outside Box - Full Time"
                      >
                        {(a) => (
                          <input
                            {...a}
                            className="input"
                            value={fresh.name}
                            maxLength={200}
                            onChange={(e) => setFresh({ ...fresh, name: e.target.value })}
                          />
                        )}
                      </Field>
                      <Field
                        id={id("n-betpawa")}
                        label="betpawa market id"
                        required
                        error={errorFor("body.betpawaId")}
                        hint="The home book's market this one is compared with"
                      >
                        {(a) => (
                          <input
                            {...a}
                            className="input mono"
                            value={fresh.betpawaId}
                            maxLength={100}
                            spellCheck={false}
                            onChange={(e) => setFresh({ ...fresh, betpawaId: e.target.value })}
                          />
                        )}
                      </Field>
                    </div>
                  )}
                </div>
              </section>

              <section className="card" aria-labelledby="pairing-title">
                <header className="card-header">
                  <h2 id="pairing-title">2. Outcomes</h2>
                  <span className="card-note">
                    {mode === "extend" ? `pair each outcome with the ${platform} name` : `one per ${platform} outcome`}
                  </span>
                </header>
                <div className="card-body stack-tight">
                  {errorFor("body.outcomes") && (
                    <p className="field-error" id={id("outcomes-error")}>
                      {errorFor("body.outcomes")}
                    </p>
                  )}
                  {mode === "extend" ? (
                    mapping && extendDraft ? (
                      <ExtendOutcomes
                        mapping={mapping}
                        draft={extendDraft}
                        samples={market.sampleOutcomes}
                        source={source}
                        onRow={updateExtendRow}
                        errorFor={errorFor}
                        idPrefix={id("x")}
                      />
                    ) : (
                      <p className="muted">
                        Pick the mapping to extend first; its outcomes are paired with this market&apos;s outcomes here.
                      </p>
                    )
                  ) : (
                    <NewOutcomes
                      draft={fresh}
                      source={source}
                      odds={odds}
                      onRows={(rows) => setFresh({ ...fresh, rows })}
                      errorFor={errorFor}
                      idPrefix={id("n")}
                    />
                  )}
                  <p className="muted table-note">
                    The scraper matches {platform} outcomes by these names (
                    {outcomeFieldOf(source) === "sportybetDesc" ? "the outcome desc" : "the key's outcome suffix"}), exactly.
                  </p>
                </div>
              </section>

              <MappingPreview entry={preview} market={market} body={body} />

              <section className="card" aria-labelledby="save-title">
                <header className="card-header">
                  <h2 id="save-title">3. Reason and save</h2>
                </header>
                <div className="card-body stack">
                  <Field
                    id={id("reason")}
                    label="Reason"
                    required
                    error={errorFor("body.reason")}
                    hint={`Kept in the history of the market and of the mapping. ${formatCount(reason.length)} / ${REASON_LIMIT}`}
                  >
                    {(a) => (
                      <textarea
                        {...a}
                        className="input textarea textarea-short"
                        rows={2}
                        value={reason}
                        placeholder="e.g. Same market as betpawa's Shots Outside Box; outcomes checked against the odds"
                        onChange={(e) => setReason(e.target.value)}
                      />
                    )}
                  </Field>
                  <div className="form-actions">
                    <Link href={`/unmapped/${market.id}`} className="button">
                      Cancel
                    </Link>
                    <button type="submit" className="button button-primary" disabled={save.isPending}>
                      {save.isPending ? "Mapping…" : "Map market"}
                    </button>
                  </div>
                </div>
              </section>
            </form>
          )}
        </div>
      </div>
    </article>
  );
}
