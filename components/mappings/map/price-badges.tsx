// The price check's verdict and a candidate's ranking features (issue 13): a badge for the verdict,
// "safe to accept", and the per-feature breakdown (name, outcomes, lines, prices) as small bars.
import type { Candidates } from "@/lib/contract/mappings";
import type { CandidatePrice, PriceVerdict } from "@/lib/contract/price-check";
import { SAFE_TO_ACCEPT_SCORE } from "@/lib/contract/price-check";
import { cx } from "@/components/ui/cx";
import { points } from "./price-check";
import styles from "./price-check.module.css";

const VERDICT: Record<PriceVerdict, { label: string; hint: string; className: string }> = {
  consistent: { label: "consistent", hint: "The prices agree with this pairing", className: styles.verdictConsistent },
  suspicious: { label: "suspicious", hint: "The prices disagree, or support another pairing", className: styles.verdictSuspicious },
  no_overlap: { label: "no overlap", hint: "No shared event had prices on both sides", className: styles.verdictNone },
};

export function VerdictBadge({ verdict, prefix }: { verdict: PriceVerdict; prefix?: string }) {
  const v = VERDICT[verdict];
  return (
    <span className={cx("badge", v.className)} title={v.hint} data-verdict={verdict}>
      {prefix ? `${prefix} ${v.label}` : v.label}
    </span>
  );
}

export function SafeBadge({ safe }: { safe: boolean }) {
  if (!safe) return null;
  return (
    <span
      className={cx("badge", styles.safe)}
      title={`Score at least ${Math.round(SAFE_TO_ACCEPT_SCORE * 100)}% and a consistent price check`}
    >
      safe to accept
    </span>
  );
}

type Features = Candidates["mappings"][number]["features"];

const FEATURES = ["name", "outcomes", "lines", "prices"] as const;

/** Each feature as a labelled percentage with a bar; prices "n/a" when no shared event had usable odds. */
export function FeatureBreakdown({ features, price }: { features: Features; price: CandidatePrice | null }) {
  return (
    <div className={styles.breakdown} role="group" aria-label="Score breakdown">
      <dl className={styles.features}>
        {FEATURES.map((f) => {
          const value = features[f];
          return (
            <div key={f} className={styles.feature}>
              <dt>{f}</dt>
              <dd>
                {value === null ? (
                  <span className="muted">n/a</span>
                ) : (
                  <>
                    <span className={styles.featureBar} aria-hidden="true">
                      <span style={{ width: `${Math.round(value * 100)}%` }} />
                    </span>
                    {Math.round(value * 100)}%
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {price && (
        <span className={styles.priceSummary}>
          <VerdictBadge verdict={price.verdict} prefix="prices" />
          {price.verdict !== "no_overlap" && price.meanDifference !== null && (
            <span className="muted">
              {points(price.meanDifference)} points over {price.eventsCompared} {price.eventsCompared === 1 ? "event" : "events"}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
