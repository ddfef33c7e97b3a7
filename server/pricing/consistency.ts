// Whether two books' markets are the same market with the outcomes paired right, judged by their
// prices over the events both offer: de-margined probabilities of the same outcome agree closely
// across books, so a swapped pairing or another market shows as a large difference.
import { minCostAssignment } from "./assignment";
import { deMargin, type Odds } from "./implied";

/*
 * Thresholds, on the mean absolute difference of de-margined probability (0.04 = 4 points).
 * - Two books pricing the same outcome of the same match agree within 1-3 points once their
 *   margins are out (different traders and feeds, timing, rounding to two decimals, and each book
 *   shading favourites a little its own way); a mean over outcomes and events sits near 1-2 points.
 *   CONSISTENT_MAX_DIFF allows twice that. Beyond it the markets differ in substance: another
 *   period (1st half vs match), another line, or outcomes paired wrongly (a swapped 1X2 differs by
 *   tens of points).
 * - CLEARLY_BETTER_MARGIN: another pairing of the same outcomes that beats the proposed one by this
 *   much means the proposal has outcomes swapped even when its own difference looks small. Noise
 *   between correctly paired books is 1-2 points, so a wrong pairing does not win by 2 through noise;
 *   a balanced 2-way market (Over/Under near 50%) is the honest limit: there, swapped and straight
 *   differ by only |2p - 1| and neither verdict can be sure, which is why it takes several events.
 * A proposal is consistent when it is within CONSISTENT_MAX_DIFF and no pairing beats it clearly,
 * suspicious otherwise. There is no middle band: the editor and the review queue need an answer,
 * and a middle answer would be read as "fine" by the one and "blocked" by the other.
 */
export const CONSISTENT_MAX_DIFF = 0.04;
export const CLEARLY_BETTER_MARGIN = 0.02;
/** Differences are sums of divided odds: a value that is 0.04 on paper may compute as 0.04000000000000001. */
const EPSILON = 1e-9;

type PriceVerdict = "consistent" | "suspicious" | "no_overlap";

/** One event both books offer: each market's odds in its own outcome order. */
export interface EventOdds {
  a: readonly Odds[];
  b: readonly Odds[];
}

/** Per outcome of market A, the index of market B's outcome it is paired with (null: unpaired). */
export type Pairing = ReadonlyArray<number | null>;

interface PairingDifference {
  /** Per outcome of A, the mean absolute difference over the events (null when unpaired). */
  perOutcome: Array<number | null>;
  /** Mean over the paired outcomes; null when nothing is paired. */
  mean: number | null;
}

export interface PriceCheck {
  verdict: PriceVerdict;
  /** Shared events whose both markets had usable odds: the ones compared. */
  eventsCompared: number;
  /** Shared events left out: an unusable outcome, or an outcome count unlike the market's. */
  eventsSkipped: number;
  proposed: PairingDifference;
  /** The pairing prices support best (null with no events compared), and its differences. */
  best: ({ pairing: Array<number | null> } & PairingDifference) | null;
  /** True when the best pairing is not the proposed one. */
  bestDiffers: boolean;
  /** Why a verdict is suspicious: the difference itself, or a clearly better pairing. */
  reasons: Array<"difference" | "better_pairing" | "nothing_paired">;
}

/** Per-event de-margined probabilities of both markets, as the cost functions read them. */
interface Compared {
  a: number[];
  b: number[];
}

/**
 * Mean absolute difference per outcome over events whose probabilities are already aligned by the
 * pairing under test (a[i] against b[i]), and the overall mean of those per-outcome means.
 */
export function meanAbsDifferences(events: ReadonlyArray<{ a: readonly number[]; b: readonly number[] }>): {
  perOutcome: number[];
  mean: number | null;
} {
  if (events.length === 0) return { perOutcome: [], mean: null };
  const n = Math.min(...events.map((e) => Math.min(e.a.length, e.b.length)));
  const perOutcome = Array.from({ length: n }, (_, i) => events.reduce((s, e) => s + Math.abs(e.a[i] - e.b[i]), 0) / events.length);
  return { perOutcome, mean: n === 0 ? null : perOutcome.reduce((s, d) => s + d, 0) / n };
}

/** B's outcome count: the one most events show (the larger on a tie), so one odd event is the one skipped. */
function usualLength(lengths: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const n of lengths) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = 0;
  for (const [n, c] of counts) if (c > (counts.get(best) ?? 0) || (c === counts.get(best) && n > best)) best = n;
  return best;
}

function differenceOf(events: readonly Compared[], pairing: Pairing): PairingDifference {
  const aligned = events.map((e) => {
    const pairs = pairing.flatMap((j, i) => (j === null ? [] : [[e.a[i], e.b[j]] as const]));
    return { a: pairs.map((p) => p[0]), b: pairs.map((p) => p[1]) };
  });
  const { perOutcome: paired, mean } = meanAbsDifferences(aligned);
  let k = 0;
  return { perOutcome: pairing.map((j) => (j === null ? null : paired[k++])), mean };
}

/**
 * Checks a proposed outcome pairing of market A onto market B against their prices in shared
 * events. Unequal outcome counts: the smaller set is assigned into the larger one (each outcome of
 * the smaller side gets a distinct one of the larger, the rest stay unpaired), since a book often
 * lists an extra outcome ("No goalscorer", "Other") that its rival leaves out; the differences are
 * then over the paired outcomes only.
 */
export function checkPairing(events: readonly EventOdds[], proposed: Pairing): PriceCheck {
  const nA = proposed.length;
  const nB = usualLength(events.map((e) => e.b.length));
  const valid: Pairing = proposed.map((j) => (j !== null && Number.isInteger(j) && j >= 0 && j < nB ? j : null));
  const compared: Compared[] = [];
  for (const e of events) {
    if (e.a.length !== nA || e.b.length !== nB) continue;
    const [a, b] = [deMargin(e.a), deMargin(e.b)];
    if (a.usable && b.usable) compared.push({ a: a.probabilities, b: b.probabilities });
  }
  const eventsSkipped = events.length - compared.length;
  const proposedDiff = differenceOf(compared, valid);
  if (compared.length === 0) {
    return { verdict: "no_overlap", eventsCompared: 0, eventsSkipped, proposed: proposedDiff, best: null, bestDiffers: false, reasons: [] };
  }

  const perCell = (i: number, j: number) => compared.reduce((s, e) => s + Math.abs(e.a[i] - e.b[j]), 0) / compared.length;
  const { columns } = minCostAssignment(nA, nB, perCell);
  const best = { pairing: columns, ...differenceOf(compared, columns) };
  const bestDiffers = columns.some((j, i) => j !== valid[i]);

  const { verdict, reasons } = judge(proposedDiff.mean, best.mean);
  return {
    verdict,
    eventsCompared: compared.length,
    eventsSkipped,
    proposed: proposedDiff,
    best,
    bestDiffers,
    reasons,
  };
}

/** The verdict from the proposed pairing's mean difference and the best pairing's (thresholds above). */
export function judge(proposed: number | null, best: number | null): Pick<PriceCheck, "verdict" | "reasons"> {
  const reasons: PriceCheck["reasons"] = [];
  if (proposed === null) reasons.push("nothing_paired");
  else {
    if (proposed > CONSISTENT_MAX_DIFF + EPSILON) reasons.push("difference");
    if (best !== null && proposed - best >= CLEARLY_BETTER_MARGIN - EPSILON) reasons.push("better_pairing");
  }
  return { verdict: reasons.length === 0 ? "consistent" : "suspicious", reasons };
}
