"use client";
// "1. Target mapping": extend an existing mapping (a suggestion or a search result) with this
// market's platform id, or create a new one. Errors about the choice itself (none picked, the
// mapping already maps another market, an id held elsewhere) show above the choice.
import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { useFormContext, useWatch } from "react-hook-form";
import { errorMessage } from "@/lib/api/errors";
import { mappingHref } from "@/lib/api/mappings";
import {
  mappingNameSchema,
  platformIdSchema,
  slugSchema,
  type Candidates,
  type MappingDetail,
  type MappingItem,
} from "@/lib/contract/mappings";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { TextField } from "@/components/forms/form-fields";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { OriginBadge } from "../labels";
import type { MapFormValues, Mode, Pairing } from "./map-draft";
import { TARGET_FIELD } from "./map-rules";
import { SimilarMarkets } from "./similar-markets";
import { TargetPicker } from "./target-picker";
import { cx } from "@/components/ui/cx";
import styles from "./map-editor.module.css";

interface Props {
  market: UnmappedDetail;
  candidates: UseQueryResult<Candidates>;
  /** The mapping picked to extend: its id, and the loaded mapping once it is there. */
  pick: { canonicalId: string } | null;
  picked: UseQueryResult<MappingDetail>;
  mapping: MappingDetail | null;
  occupiedBy: string | null;
  /** "new": the active mapping that already has the typed id. */
  existing: MappingItem | null;
  holder: string | null;
  onMode: (mode: Mode) => void;
  onPick: (canonicalId: string, pairings: Pairing[] | null) => void;
}

function ModeSwitch({ market, onMode }: Pick<Props, "market" | "onMode">) {
  const { register } = useFormContext<MapFormValues>();
  const mode = useWatch<MapFormValues, "mode">({ name: "mode" });
  const field = register("mode", { onChange: (e) => onMode(e.target.value as Mode) });
  return (
    <fieldset className={styles.modeSwitch}>
      <legend className="visually-hidden">Target</legend>
      <label className={cx(styles.modeOption, mode === "extend" && styles.modeOptionCurrent)}>
        <input type="radio" value="extend" {...field} />
        <span>
          <strong>Extend an existing mapping</strong>
          <span className={styles.modeHint}>
            Add {PLATFORM_LABEL[market.source]} {market.externalMarketId} to a canonical market that exists
          </span>
        </span>
      </label>
      <label className={cx(styles.modeOption, mode === "new" && styles.modeOptionCurrent)}>
        <input type="radio" value="new" {...field} />
        <span>
          <strong>Create a new mapping</strong>
          <span className={styles.modeHint}>A new canonical market with its betpawa counterpart</span>
        </span>
      </label>
    </fieldset>
  );
}

function Extending({ market, pick, picked, mapping, occupiedBy }: Pick<Props, "market" | "pick" | "picked" | "mapping" | "occupiedBy">) {
  const platform = PLATFORM_LABEL[market.source];
  if (!pick) return null;
  return (
    <div className={styles.selectedMapping} aria-live="polite">
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
          <p className={styles.selectedTitle}>
            Extending <strong>{mapping.name}</strong> <span className="mono muted">{mapping.canonicalId}</span>{" "}
            <OriginBadge origin={mapping.origin} />{" "}
            <Link href={mappingHref(mapping.canonicalId)} target="_blank">
              Open the mapping<span className="visually-hidden"> (new tab)</span>
            </Link>
          </p>
          {mapping.origin === "builtin" && (
            <p className="muted">
              A built-in entry: mapping this market saves a user override of it with {platform} {market.externalMarketId} added.
            </p>
          )}
          {occupiedBy && (
            <p className="field-error">
              It already maps {platform} {occupiedBy}; a mapping takes one market per platform. Pick another one or create a new mapping.
            </p>
          )}
          <div className="form-grid">
            <TextField<MapFormValues> name="extend.name" label="Name" required maxLength={mappingNameSchema.maxLength} />
            <TextField<MapFormValues>
              name="extend.betpawaId"
              label="betpawa market id"
              required
              mono
              maxLength={platformIdSchema.maxLength}
              hint={mapping.betpawaId ? undefined : "This mapping has no betpawa counterpart yet: without one the market stays unmapped."}
            />
          </div>
        </>
      )}
    </div>
  );
}

export function TargetSection(props: Props) {
  const { market, candidates, pick, existing, holder, onMode, onPick } = props;
  const { formState } = useFormContext<MapFormValues>();
  const mode = useWatch<MapFormValues, "mode">({ name: "mode" });
  const targetError = (formState.errors as Record<string, { message?: string } | undefined>)[TARGET_FIELD]?.message;
  const idTaken = formState.errors.fresh?.canonicalId?.message && existing;
  return (
    <section className="card" aria-labelledby="target-title">
      <header className="card-header">
        <h2 id="target-title">1. Target mapping</h2>
      </header>
      <div className="card-body stack">
        <ModeSwitch market={market} onMode={onMode} />
        {targetError && (
          <p className={cx(styles.targetErrorAnchor, "field-error")} id="target-error" tabIndex={-1}>
            {targetError}
            {holder && (
              <>
                {" "}
                <Link href={mappingHref(holder)}>Open {holder}</Link>
              </>
            )}
          </p>
        )}
        {mode === "extend" ? (
          <>
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
            <Extending {...props} />
          </>
        ) : (
          <div className="form-grid">
            <TextField<MapFormValues>
              name="fresh.canonicalId"
              label="Canonical id"
              required
              mono
              maxLength={slugSchema.maxLength}
              hint="Lower-case letters, digits and _, e.g. match_shots_outside_box"
              extra={
                idTaken && existing ? (
                  <>
                    {" "}
                    <button type="button" className="link-button" onClick={() => onPick(existing.canonicalId, null)}>
                      Extend {existing.name} instead
                    </button>
                  </>
                ) : null
              }
            />
            <TextField<MapFormValues>
              name="fresh.name"
              label="Name"
              required
              maxLength={mappingNameSchema.maxLength}
              hint="As traders will read it, e.g. Match Shots Outside Box - Full Time"
            />
            <TextField<MapFormValues>
              name="fresh.betpawaId"
              label="betpawa market id"
              required
              mono
              maxLength={platformIdSchema.maxLength}
              hint="The home book's market this one is compared with"
            />
          </div>
        )}
        {candidates.data && candidates.data.markets.length > 0 && <SimilarMarkets similar={candidates.data.markets} />}
      </div>
    </section>
  );
}
