"use client";
import { errorMessage, isApiError } from "@/lib/api/errors";
import type { SettableStatus } from "../use-quick-status";
import type { Ref } from "react";
import type { UnmappedDetail, UnmappedPatch } from "@/lib/contract/unmapped";
import type { SnoozeMenuHandle } from "@/components/triage/snooze-menu";
import { OwnerControls } from "./owner-controls";
import type { useUpdateMarket } from "../use-update-market";
import { NotesEditor } from "./notes-editor";
import { StatusControl } from "./status-control";
import styles from "./detail.module.css";
import { MarketMappingLinks } from "@/components/mappings/market-mapping-links";
import { FormProblem, ReloadBanner } from "@/components/forms/form-problem";
import { useCan } from "@/components/auth/use-principal";
import { StatusBadge } from "../badges";

interface Props {
  market: UnmappedDetail;
  update: ReturnType<typeof useUpdateMarket>;
  onStatus: (status: SettableStatus) => void;
  /** Any other edit, with what it did in words for the Undo toast. */
  onChange: (patch: UnmappedPatch, label: string, saved?: () => void) => void;
  snoozeRef?: Ref<SnoozeMenuHandle>;
  onReload: () => void;
  reloading: boolean;
}

const FIELDS = ["body.status", "body.notes", "body.assigneeId", "body.snooze"];

/** What a viewer sees instead of the controls: the status and notes, read only. */
function ReadOnlyTriage({ market }: { market: UnmappedDetail }) {
  return (
    <>
      <div className="field">
        <span className="field-label">Status</span>
        <span>
          <StatusBadge status={market.status} />
        </span>
      </div>
      <div className="field">
        <span className="field-label">Notes</span>
        <p className={market.notes ? styles.readOnlyNotes : "muted"}>{market.notes || "No notes."}</p>
      </div>
      <p className="muted">You can read this market; a triager or an admin changes it.</p>
    </>
  );
}

export function TriagePanel({ market, update, onStatus, onChange, snoozeRef, onReload, reloading }: Props) {
  const triages = useCan("market.triage");
  const error = update.error;
  const fields = isApiError(error) ? error.fieldErrors : {};
  const stale = isApiError(error) && error.status === 412;
  const general = error && !stale && !Object.keys(fields).some((f) => FIELDS.includes(f)) ? errorMessage(error) : null;

  return (
    <section className="card" aria-labelledby="triage-title">
      <header className="card-header">
        <h2 id="triage-title">Triage</h2>
        <span className={styles.saveState} aria-live="polite">
          {update.isPending ? "Saving…" : update.isSuccess ? "Saved" : ""}
        </span>
      </header>
      <div className="card-body stack">
        {!triages && <ReadOnlyTriage market={market} />}
        {triages && stale && (
          <ReloadBanner
            outcome="Not saved: this market changed since you opened it."
            action="Reload market"
            onReload={onReload}
            reloading={reloading}
          >
            <p>Someone else edited it. Reload to see their changes, then apply yours again; your unsaved notes are kept.</p>
          </ReloadBanner>
        )}
        {triages && general && <FormProblem outcome="Not saved.">{general}</FormProblem>}
        {triages && <StatusControl value={market.status} onChange={onStatus} error={fields["body.status"]} />}
        <OwnerControls market={market} onChange={onChange} pending={update.isPending} errors={fields} snoozeRef={snoozeRef} />
        <MarketMappingLinks market={market} />
        {triages && (
          <NotesEditor
            serverNotes={market.notes ?? ""}
            saving={update.isPending && update.variables?.notes !== undefined}
            error={fields["body.notes"]}
            onSave={(notes, saved) => onChange({ notes }, notes === null ? "Notes cleared" : "Notes saved", saved)}
          />
        )}
      </div>
    </section>
  );
}
