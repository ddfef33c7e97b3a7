// Decimal odds to probabilities with the bookmaker's margin taken out. Pure arithmetic, no I/O.
//
// Method: proportional (basic normalisation). A book's implied probabilities 1/odds sum to
// 1 + margin (the overround); dividing each by that sum spreads the margin over the outcomes in
// proportion to their size. Shin's and the power method correct the favourite-longshot bias better,
// which matters when pricing one book against the truth; here two books' de-margined prices are
// compared with each other, both carry much the same bias, and the differences that matter (a
// swapped pairing, another market) are tens of points, far above what the method choice moves
// (a fraction of a point at real margins). One method everywhere keeps the check explainable.

/** Odds as a parser hands them over: null/undefined when the payload had none or unusable ones. */
export type Odds = number | null | undefined;

export type DeMargined =
  | {
      usable: true;
      /** Per outcome, in the order given; they sum to 1. */
      probabilities: number[];
      /** Sum of 1/odds: 1.06 is a 6% margin. */
      overround: number;
    }
  | {
      usable: false;
      /** Why: a market needs at least two outcomes and usable odds for every one of them. */
      reason: "too_few_outcomes" | "unusable_odds";
      /** Indexes of the outcomes whose odds were missing, not finite or <= 1. */
      unusable: number[];
    };

/** Decimal odds of 1 or less pay nothing (or lose) on a win: no book quotes them for a live outcome. */
function usableOdds(odds: Odds): odds is number {
  return typeof odds === "number" && Number.isFinite(odds) && odds > 1;
}

/** 1/odds, or null for odds that carry no probability. */
export function impliedProbability(odds: Odds): number | null {
  return usableOdds(odds) ? 1 / odds : null;
}

/**
 * The margin-free probabilities of an n-way market. One unusable outcome makes the whole market
 * unusable: normalising the others alone would hand them the missing outcome's share.
 */
export function deMargin(odds: readonly Odds[]): DeMargined {
  const unusable = odds.flatMap((o, i) => (usableOdds(o) ? [] : [i]));
  if (odds.length < 2) return { usable: false, reason: "too_few_outcomes", unusable };
  if (unusable.length > 0) return { usable: false, reason: "unusable_odds", unusable };
  const implied = odds.map((o) => 1 / (o as number));
  const overround = implied.reduce((a, b) => a + b, 0);
  return { usable: true, probabilities: implied.map((p) => p / overround), overround };
}
