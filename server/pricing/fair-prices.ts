// Prices for the generated feeds (the demo source and the fake bookmaker's worlds), made the way
// books make them: one fair probability per outcome of a market in a match, shared by every book;
// then each book's own small noise and margin, and odds rounded to two decimals. So the same market
// on SportyBet and Bet9ja agrees after margin removal as real books do (within a few points), and a
// wrong market or a swapped outcome pairing shows in the prices.
import type { Platform } from "@/lib/contract/enums";
import { rngFamily, rngFor } from "@/server/util/prng";

/** What one fair price belongs to; the same key on both books gives the same fair probabilities. */
export interface PriceKey {
  seed: number;
  /** The SportRadar match id: SportyBet's `sr:match:<id>`, Bet9ja's EXTID. */
  match: string | number;
  /** The market's identity across books: a canonical id, or a name both books' feeds share. */
  market: string;
  /** The line as lineKey() normalises it, or null for a simple market. */
  line: string | null;
}

/**
 * Per book: the margin (overround - 1) around which its markets are priced, and how far one market's
 * margin strays from it. SportyBet runs ~5-6% on football, Bet9ja ~7-8%.
 */
export const BOOK_MARGINS: Readonly<Record<Platform, { base: number; spread: number }>> = {
  sportybet: { base: 0.055, spread: 0.005 },
  bet9ja: { base: 0.075, spread: 0.005 },
};
/**
 * A book's view of an outcome strays from the fair probability by up to this fraction of it (±3%:
 * ±1.5 points at 50%). Two books then differ by about a point on average and by 3 at worst after
 * margin removal, as real ones do, inside the consistency check's 4 points even for one event.
 */
const BOOK_NOISE = 0.03;
/** No book quotes below 1.01. */
const MIN_ODDS = 1.01;

/**
 * One line, written the same way for both books: SportyBet `total=2.5` and Bet9ja `2.5` are "2.5";
 * SportyBet's European `hcp=0:1` is the home handicap a - b = "-1", as Bet9ja's `1X2HND@-1` is;
 * an Asian `hcp=-0.5` is "-0.5". Anything else (variants, time windows) stays as written.
 */
export function lineKey(specifier: string | null): string | null {
  if (specifier === null || specifier === "") return null;
  const value = specifier.replace(/^(?:total|hcp)=/, "");
  const european = /^(\d+):(\d+)$/.exec(value);
  if (european && specifier.startsWith("hcp=")) return String(Number(european[1]) - Number(european[2]));
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? String(n) : specifier;
}

/**
 * The fair probabilities of `outcomes` (keys the books share, in any order): each outcome's weight
 * depends on its own key only, so prices follow names whatever order a book lists them in.
 * `weights` shapes a market whose outcomes are not alike (a 1st-half Over 1.5 is unlikely): each
 * outcome's weight is then its given weight ±15%, instead of 0.25-1.25 at random.
 */
function fairProbabilities(key: PriceKey, outcomes: readonly string[], weights?: Readonly<Record<string, number>>): number[] {
  const draw = rngFamily(key.seed, "fair", key.match, key.market, key.line ?? "");
  const raw = outcomes.map((outcome) => {
    const u = draw(outcome)();
    const given = weights?.[outcome];
    return given === undefined ? 0.25 + u : given * (0.85 + 0.3 * u);
  });
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

export interface BookPrice {
  /** Decimal odds as the books write them, two decimals ("2.10"). */
  odds: string;
  /** The book's own margin-free probability, four decimals (SportyBet's `probability` field). */
  probability: string;
}

/** One book's prices for the market: the fair probabilities, its noise, its margin, rounded. */
export function bookPrices(
  book: Platform,
  key: PriceKey,
  outcomes: readonly string[],
  weights?: Readonly<Record<string, number>>,
): BookPrice[] {
  const fair = fairProbabilities(key, outcomes, weights);
  const draw = rngFamily(key.seed, "noise", book, key.match, key.market, key.line ?? "");
  const noisy = fair.map((p, i) => {
    const u = draw(outcomes[i])();
    return p * (1 + BOOK_NOISE * (2 * u - 1));
  });
  const total = noisy.reduce((a, b) => a + b, 0);
  const { base, spread } = BOOK_MARGINS[book];
  const margin = base + spread * (2 * rngFor(key.seed, "margin", book, key.match, key.market, key.line ?? "")() - 1);
  return noisy.map((w) => {
    const p = w / total;
    return { odds: Math.max(MIN_ODDS, 1 / (p * (1 + margin))).toFixed(2), probability: p.toFixed(4) };
  });
}
