"use client";
// What to do with the checked markets: set a status (not Mapped: that comes from mapping), assign,
// snooze, add a note, with an optional reason kept in each market's history. When the whole page
// is checked and more markets match, it offers every market matching the filters. The reason is
// a react-hook-form field checked by the contract's rule for a change's reason; each action
// checks it before sending (the bar is no <form>: the snooze and note dialogs hold their own).
import { zodResolver } from "@hookform/resolvers/zod";
import { useImperativeHandle, useRef, type Ref } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { BulkScope } from "@/lib/api/changes";
import { errorMessage, offendingIdsOf } from "@/lib/api/errors";
import { unmappedPatchSchema, type BulkSet } from "@/lib/contract/unmapped";
import { errorA11y, InlineError } from "@/components/forms/field";
import { AssigneePicker } from "@/components/triage/assignee-picker";
import { SnoozeMenu, type SnoozeMenuHandle } from "@/components/triage/snooze-menu";
import { ChoiceSelect } from "@/components/ui/choice-select";
import { formatCount, plural } from "@/components/ui/format";
import { STATUS_LABEL } from "../labels";
import type { SettableStatus } from "../use-quick-status";
import { BulkNoteButton } from "./bulk-note-dialog";
import { useBulkChange } from "./use-bulk-change";
import styles from "./triage-list.module.css";

const STATUS_WORDS: Record<SettableStatus, string> = { NEW: "moved back to New", ACKNOWLEDGED: "acknowledged", IGNORED: "ignored" };
const SETTABLE: SettableStatus[] = ["NEW", "ACKNOWLEDGED", "IGNORED"];
const STATUS_CHOICES = [{ value: "", label: "Status…" }, ...SETTABLE.map((s) => ({ value: s, label: STATUS_LABEL[s] }))];
const isSettable = (value: string): value is SettableStatus => (SETTABLE as string[]).includes(value);

/** A bulk change's reason: the same rule as a single change's. */
const reasonRule = unmappedPatchSchema.shape.reason;
const reasonForm = z.object({ reason: reasonRule });
const REASON_ERROR_ID = "bulk-reason-error";

export interface BulkBarHandle {
  openSnooze: () => void;
}

interface Props {
  /** The checked markets on the page, and the name of the only one. */
  ids: number[];
  onlyName?: string;
  /** Every market matching the filters: how many (capped: at least), and its scope. */
  matching: { total: number; capped: boolean; filter: Extract<BulkScope, { filter: unknown }>["filter"] };
  allMatching: boolean;
  /** Every row of the page is checked: the moment to offer every matching market. */
  pageFull: boolean;
  onAllMatching: (all: boolean) => void;
  onClear: () => void;
  handleRef?: Ref<BulkBarHandle>;
}

export function BulkBar({ ids, onlyName, matching, allMatching, pageFull, onAllMatching, onClear, handleRef }: Props) {
  const form = useForm<z.input<typeof reasonForm>, unknown, z.output<typeof reasonForm>>({
    defaultValues: { reason: "" },
    resolver: zodResolver(reasonForm),
  });
  const reasonError = form.formState.errors.reason?.message;
  const change = useBulkChange(() => {
    form.reset();
    onClear();
  });
  const snooze = useRef<SnoozeMenuHandle>(null);
  useImperativeHandle(handleRef, () => ({ openSnooze: () => snooze.current?.open() }), []);

  const scope: BulkScope = allMatching ? { filter: matching.filter } : { ids };
  const apply = (set: BulkSet, words: string) =>
    void form.handleSubmit(({ reason }) =>
      change.mutate({ scope, set, reason: reason || undefined, words, name: allMatching ? undefined : onlyName }),
    )();
  const total = `${formatCount(matching.total)}${matching.capped ? "+" : ""}`;
  const offending = offendingIdsOf(change.error);
  const busy = change.isPending;

  return (
    <section className={styles.bulkBar} aria-label="Change the selected markets" data-testid="bulk-bar">
      <p className={styles.bulkCount} role="status">
        {allMatching ? `All ${total} markets matching this filter are selected` : `${plural(ids.length, "market")} selected`}
        {!allMatching && pageFull && matching.total > ids.length && (
          <button type="button" className="button button-ghost button-small" onClick={() => onAllMatching(true)}>
            Select all {total} matching this filter
          </button>
        )}
        <button type="button" className="button button-ghost button-small" onClick={onClear}>
          Clear selection
        </button>
      </p>
      <div className={styles.bulkActions}>
        <ChoiceSelect
          id="bulk-status"
          label="Set status"
          small
          value=""
          choices={STATUS_CHOICES}
          disabled={busy}
          onChange={(status) => isSettable(status) && apply({ status }, STATUS_WORDS[status])}
        />
        <AssigneePicker
          id="bulk-assignee"
          label="Assign"
          value={undefined}
          disabled={busy}
          onChange={(assigneeId, who) => apply({ assigneeId }, assigneeId === null ? "unassigned" : `assigned to ${who}`)}
        />
        <SnoozeMenu id="bulk-snooze" handleRef={snooze} disabled={busy} onSnooze={(s, words) => apply({ snooze: s }, `ignored ${words}`)} />
        <BulkNoteButton disabled={busy} onAdd={(addNote) => apply({ addNote }, "given a note")} />
        <span className="field-inline">
          <label htmlFor="bulk-reason" className="field-label">
            Reason
          </label>
          <input
            id="bulk-reason"
            className="input input-small"
            placeholder="Optional: kept in the history"
            maxLength={reasonRule.unwrap().maxLength ?? undefined}
            {...form.register("reason")}
            {...errorA11y(reasonError, REASON_ERROR_ID)}
          />
        </span>
      </div>
      <InlineError id={REASON_ERROR_ID} error={reasonError} />
      {change.error && (
        <div className="banner banner-danger" role="alert">
          <span>
            <strong>Refused:</strong> {errorMessage(change.error)}
            {offending.length > 0 && ` Markets refused: ${offending.map((id) => `#${id}`).join(", ")}.`}
          </span>
        </div>
      )}
    </section>
  );
}
