"use client";
import type { TriageStatus } from "@/lib/contract/enums";
import { STATUS_HINT, STATUS_LABEL } from "../labels";

// The order of the list's tabs: the triage path from left to right.
const ORDER: TriageStatus[] = ["NEW", "ACKNOWLEDGED", "IGNORED", "MAPPED"];
const KEY: Partial<Record<TriageStatus, string>> = { ACKNOWLEDGED: "a", IGNORED: "i" };

/** Four buttons, not radios: arrow keys over radios would save a status at every step. */
export function StatusControl({ value, onChange, error }: { value: TriageStatus; onChange: (s: TriageStatus) => void; error?: string }) {
  return (
    <div className="field">
      <span className="field-label" id="status-label">
        Status
      </span>
      <div className="segmented" role="group" aria-labelledby="status-label" aria-describedby={error ? "status-error" : undefined}>
        {ORDER.map((s) => (
          <button
            key={s}
            type="button"
            className={`segment segment-${s.toLowerCase()}`}
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
