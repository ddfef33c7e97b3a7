"use client";
// Who owns the market's triage and what it waits for: the assignee (a picker, "Assign to me",
// "Unassign") and its snooze ("Ignore until…", the condition still pending, "Clear snooze").
// Viewers read both; the change controls are for triagers.
import type { Ref } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { keys } from "@/lib/api/keys";
import type { People } from "@/lib/contract/views";
import type { Snooze, UnmappedDetail, UnmappedPatch } from "@/lib/contract/unmapped";
import { useCan, usePrincipal } from "@/components/auth/use-principal";
import { AssigneePicker } from "@/components/triage/assignee-picker";
import { SnoozeMenu, type SnoozeMenuHandle } from "@/components/triage/snooze-menu";
import { SnoozeText } from "./snooze-text";
import styles from "./detail.module.css";

interface Props {
  market: UnmappedDetail;
  /** Sends the edit; `label` says what it did in the toast that offers Undo. */
  onChange: (patch: UnmappedPatch, label: string) => void;
  pending: boolean;
  errors: Readonly<Record<string, string>>;
  snoozeRef?: Ref<SnoozeMenuHandle>;
}

/** A person's name for the toast: me, or from the people list the picker loaded. */
function useNameOf() {
  const client = useQueryClient();
  const me = usePrincipal();
  return (userId: string) =>
    userId === me?.userId ? "me" : (client.getQueryData<People>(keys.people.all)?.items.find((p) => p.id === userId)?.name ?? "someone");
}

export function OwnerControls({ market, onChange, pending, errors, snoozeRef }: Props) {
  const triages = useCan("market.triage");
  const me = usePrincipal();
  const nameOf = useNameOf();
  const assign = (assigneeId: string | null) => {
    if (assigneeId === (market.assignee?.id ?? null)) return;
    onChange({ assigneeId }, assigneeId === null ? "Unassigned" : `Assigned to ${nameOf(assigneeId)}`);
  };
  const snooze = (value: Snooze, words: string) => onChange({ snooze: value }, `Ignored ${words}`);
  const assigneeError = errors["body.assigneeId"];
  const snoozeError = errors["body.snooze"];

  return (
    <>
      <div className="field" data-field="assignee">
        {triages ? (
          <div className={styles.ownerRow}>
            <AssigneePicker id="market-assignee" value={market.assignee?.id ?? null} onChange={assign} disabled={pending} />
            {me && market.assignee?.id !== me.userId && (
              <button
                type="button"
                className="button button-small"
                onClick={() => assign(me.userId)}
                disabled={pending}
                title="Assign to me (e)"
              >
                Assign to me
              </button>
            )}
            {market.assignee && (
              <button type="button" className="button button-ghost button-small" onClick={() => assign(null)} disabled={pending}>
                Unassign
              </button>
            )}
          </div>
        ) : (
          <>
            <span className="field-label">Assignee</span>
            <span>{market.assignee?.name ?? "Nobody"}</span>
          </>
        )}
        {assigneeError && (
          <p className="field-error" role="alert">
            {assigneeError}
          </p>
        )}
      </div>
      <div className="field" data-field="snooze">
        <span className="field-label">Snooze</span>
        {market.snooze ? (
          <p className={styles.snoozeState} data-snooze>
            Ignored until <SnoozeText snooze={market.snooze} />
          </p>
        ) : (
          <p className="muted">Not snoozed.</p>
        )}
        {triages && (
          <div className={styles.ownerRow}>
            <SnoozeMenu id="market-snooze" label="Ignore until…" onSnooze={snooze} disabled={pending} handleRef={snoozeRef} />
            {market.snooze && (
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => onChange({ snooze: null }, "Snooze cleared")}
                disabled={pending}
              >
                Clear snooze
              </button>
            )}
          </div>
        )}
        {snoozeError && (
          <p className="field-error" role="alert">
            {snoozeError}
          </p>
        )}
      </div>
    </>
  );
}
