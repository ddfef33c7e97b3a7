"use client";
// A candidate whose price check said suspicious: the figures that stopped it, and the editor, where
// the mapping can be changed or confirmed with a reason.
import Link from "next/link";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { formatPercent } from "@/components/ui/format";
import type { Refusal } from "../hooks/use-review-decisions";
import styles from "../review.module.css";

const diff = (x: number | null) => (x === null ? "–" : formatPercent(x));

export function CheckRefusal({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  const { check, candidate } = refusal;
  return (
    <section className={`card ${styles.refusal}`} aria-labelledby="review-refusal-title" role="region">
      <header className="card-header">
        <h2 id="review-refusal-title">Not mapped: the prices disagree with {candidate.name}</h2>
      </header>
      <div className="card-body stack-tight">
        <p>
          Over {check.eventsCompared} shared event{check.eventsCompared === 1 ? "" : "s"} the implied probabilities differ by{" "}
          {diff(check.meanDifference)} on average (consistent up to {formatPercent(check.thresholds.consistentMaxDiff)}).
        </p>
        <ul>
          {check.comparisons.map((c) => (
            <li key={`${c.platform}-${c.externalMarketId}`}>
              {PLATFORM_LABEL[c.platform]} <span className="mono">{c.externalMarketId}</span>: {c.verdict.replace("_", " ")}, mean
              difference {diff(c.meanDifference)}
              {c.bestDiffers && ", the prices pair the outcomes differently"}
              {c.reasons.length > 0 && <span className="muted"> ({c.reasons.join("; ")})</span>}
            </li>
          ))}
        </ul>
        <div className={styles.actions}>
          <Link className="button button-primary" href={`/unmapped/${refusal.id}/map`}>
            Open in editor
          </Link>
          <button type="button" className="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      </div>
    </section>
  );
}
