// The price feature of the candidate ranking: how well a candidate's prices agree with the market's
// over the snapshot's shared events (margins removed), the verdict, and the outcome pairing the
// prices support. See docs/DECISIONS.md, "Price-aware mapping".
import type { CandidatePrice } from "@/lib/contract/price-check";
import type { NamedComparison } from "@/server/pricing/compare";
import { CONSISTENT_MAX_DIFF, judge } from "@/server/pricing/consistency";

/**
 * The feature is 1 - mean / PRICE_SCALE under the pairing the prices support, floored at 0: two books
 * pricing the same market differ by 1-2 points (0.95-0.9), the consistency limit of 4 points scores
 * 0.8, and a market 20 points off (another period, another line) scores 0.
 */
const PRICE_SCALE = 5 * CONSISTENT_MAX_DIFF;

/** Weights with prices compared; without, the name-only weights of candidates.ts apply unchanged. */
export const PRICED_WEIGHTS = { name: 0.4, outcomes: 0.2, count: 0.1, lines: 0.05, prices: 0.25 } as const;

export interface PriceEvidence {
  /** 0-1, null when no shared event had usable odds. */
  feature: number | null;
  price: CandidatePrice | null;
  /** A's i-th outcome -> B's outcome name under the pairing the prices support (null: unpaired). */
  supported: Array<string | null> | null;
  reason: string | null;
}

const points = (d: number) => (d * 100).toFixed(1);

/**
 * What the prices say of a candidate. The pairing they support replaces the proposed one only when
 * it is itself consistent: a pairing that fits a wrong market best is still a wrong market.
 */
export function priceEvidence(named: NamedComparison | undefined): PriceEvidence {
  if (!named || named.check.eventsCompared === 0) return { feature: null, price: null, supported: null, reason: null };
  const { check, aNames, bNames, pairing } = named;
  const best = check.best!;
  const adopt = check.bestDiffers && best.mean !== null && best.mean <= CONSISTENT_MAX_DIFF;
  const used = adopt ? best.pairing : pairing;
  const mean = adopt ? best.mean : check.proposed.mean;
  const verdict = adopt ? judge(best.mean, best.mean).verdict : check.verdict;
  const bestMean = best.mean ?? 1;
  const feature = Math.round(Math.max(0, 1 - bestMean / PRICE_SCALE) * 1000) / 1000;
  const supported = used.map((j) => (j === null ? null : bNames[j]));
  const events = `${check.eventsCompared} event${check.eventsCompared === 1 ? "" : "s"}`;
  const reason =
    verdict === "consistent"
      ? `prices agree: ${points(mean ?? 0)} points apart over ${events}${adopt ? " (outcomes paired by price)" : ""}`
      : `prices disagree: ${points(mean ?? bestMean)} points apart over ${events}`;
  return {
    feature,
    supported,
    reason,
    price: {
      verdict,
      eventsCompared: check.eventsCompared,
      meanDifference: mean,
      pairing: aNames.map((name, i) => ({ name, pairedWith: supported[i] })),
    },
  };
}
