"use client";
// The numbered candidates of the market on screen (keys 1-9 accept one): confidence, reasons, the
// features behind the score, the price verdict and "safe to accept"; and, unnumbered below, other
// platforms' markets that look alike, which only the editor can map (a new mapping needs a name and
// a betpawa id).
import Link from "next/link";
import type { CandidatePrice } from "@/lib/contract/price-check";
import { SAFE_TO_ACCEPT_SCORE } from "@/lib/contract/price-check";
import { PlatformBadge } from "@/components/unmapped/badges";
import { OriginBadge } from "@/components/mappings/labels";
import { cx } from "@/components/ui/cx";
import { formatPercent } from "@/components/ui/format";
import { VERDICT_WORDS } from "../hooks/use-review-decisions";
import type { MappingCandidate, MarketCandidate } from "../queue-model";
import styles from "../review.module.css";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export const SAFE_HINT = `Safe to accept: a confidence of at least ${pct(SAFE_TO_ACCEPT_SCORE)} and prices that agree`;

function Features({ features }: { features: MappingCandidate["features"] }) {
  return (
    <ul className={styles.features} aria-label="Score by feature">
      <li>name {pct(features.name)}</li>
      <li>outcomes {pct(features.outcomes)}</li>
      <li>lines {pct(features.lines)}</li>
      <li>prices {features.prices === null ? "–" : pct(features.prices)}</li>
    </ul>
  );
}

function PriceVerdict({ price }: { price: CandidatePrice | null }) {
  if (!price) return <span className={cx(styles.verdict, "muted")}>prices not compared</span>;
  return (
    <span className={cx(styles.verdict, price.verdict === "suspicious" && styles.verdictSuspicious)} data-verdict={price.verdict}>
      {VERDICT_WORDS[price.verdict]}
      {price.eventsCompared > 0 && (
        <>
          {" "}
          over {price.eventsCompared} event{price.eventsCompared === 1 ? "" : "s"}
          {price.meanDifference !== null && <> (mean difference {formatPercent(price.meanDifference)})</>}
        </>
      )}
    </span>
  );
}

export function CandidateList({ candidates, busy }: { candidates: MappingCandidate[]; busy: boolean }) {
  if (candidates.length === 0) {
    return <p className="muted">No free mapping looks like this market: open it in the editor to create one, ignore it or skip it.</p>;
  }
  return (
    <ol className={styles.candidates} aria-label="Candidates, best first" aria-busy={busy}>
      {candidates.map((c, i) => (
        <li key={c.canonicalId} className={styles.candidate} data-canonical-id={c.canonicalId}>
          <kbd className={styles.number}>
            <span className="visually-hidden">Key </span>
            {i + 1}
          </kbd>
          <div className={styles.candidateMain}>
            <div className={styles.candidateTitle}>
              <span>{c.name}</span>
              <OriginBadge origin={c.origin} />
              {c.safeToAccept && (
                <span className={styles.safe} title={SAFE_HINT}>
                  Safe to accept
                </span>
              )}
            </div>
            <span className="mono muted">{c.canonicalId}</span>
            <ul className={styles.reasons} aria-label="Why">
              {c.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <Features features={c.features} />
            <PriceVerdict price={c.price} />
          </div>
          <span className={styles.confidence} title="Confidence">
            {pct(c.score)}
            <span className="visually-hidden"> confidence</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** How many alike markets are listed: the best few; the editor lists them all. */
const OTHERS_SHOWN = 5;

export function OtherMarkets({ marketId, markets }: { marketId: number; markets: MarketCandidate[] }) {
  if (markets.length === 0) return null;
  return (
    <section className="stack-tight" aria-labelledby="review-others-title">
      <h3 id="review-others-title">Alike on other platforms</h3>
      <ul className={styles.others}>
        {markets.slice(0, OTHERS_SHOWN).map((m) => (
          <li key={m.id}>
            <PlatformBadge source={m.source} /> <span className="mono">{m.externalMarketId}</span> {m.marketName}{" "}
            <span className={styles.confidence}>{pct(m.score)}</span> <PriceVerdict price={m.price} />
          </li>
        ))}
      </ul>
      <p className="muted">
        Mapping both sides needs a new mapping&apos;s name and betpawa id, which the editor asks for.{" "}
        <Link className="button button-small" href={`/unmapped/${marketId}/map`}>
          Open in editor
        </Link>
      </p>
    </section>
  );
}
