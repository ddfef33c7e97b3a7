"use client";
import type { TriageStatus } from "@/lib/contract/enums";
import { STATUS_HINT, STATUS_LABEL } from "../labels";
import styles from "./detail.module.css";
import { cx } from "@/components/ui/cx";

// The triage path from left to right. Mapped is not a choice: only mapping the market makes it
// Mapped (the API refuses it as a status edit), so a mapping is always behind it.
type Choice = Exclude<TriageStatus, "MAPPED">;
const ORDER: Choice[] = ["NEW", "ACKNOWLEDGED", "IGNORED"];
const KEY: Partial<Record<Choice, string>> = { ACKNOWLEDGED: "a", IGNORED: "i" };
const SEGMENT = { NEW: "segmentNew", ACKNOWLEDGED: "segmentAcknowledged", IGNORED: "segmentIgnored" } as const;

/** Buttons, not radios: arrow keys over radios would save a status at every step. */
export function StatusControl({ value, onChange, error }: { value: TriageStatus; onChange: (s: Choice) => void; error?: string }) {
  return (
    <div className="field">
      <span className="field-label" id="status-label">
        Status
      </span>
      <div className={styles.segmented} role="group" aria-labelledby="status-label" aria-describedby={error ? "status-error" : undefined}>
        {ORDER.map((s) => (
          <button
            key={s}
            type="button"
            className={cx(styles.segment, styles[SEGMENT[s]])}
            aria-pressed={value === s}
            onClick={() => value !== s && onChange(s)}
            title={`${STATUS_HINT[s]}${KEY[s] ? ` (${KEY[s]})` : ""}`}
          >
            {STATUS_LABEL[s]}
          </button>
        ))}
      </div>
      {error && (
        <p className="field-error" id="status-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
