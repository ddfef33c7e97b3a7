// Odds for fake worlds that agree across the two books the way real ones do (server/pricing/
// fair-prices.ts): a test building a market on both platforms names it and its outcomes by keys
// both share, and gets each book's odds strings for them.
import type { Platform } from "@/lib/contract/enums";
import { bookPrices, lineKey } from "@/server/pricing/fair-prices";

export interface FakePriceKey {
  /** The SportRadar match id (FakeMatch.srId). */
  match: string;
  /** What the market is, the same string on both books, e.g. "1x2_ft". */
  market: string;
  /** The line as either book writes it (`total=2.5`, `2.5`); omitted for a simple market. */
  line?: string | null;
  seed?: number;
}

/**
 * One book's decimal odds strings for `outcomeKeys` (in the order given): the same key on the
 * other book gives the same fair probabilities with that book's own margin and noise.
 */
export function fakeOdds(
  book: Platform,
  key: FakePriceKey,
  outcomeKeys: readonly string[],
  weights?: Readonly<Record<string, number>>,
): string[] {
  const priceKey = { seed: key.seed ?? 0, match: key.match, market: key.market, line: lineKey(key.line ?? null) };
  return bookPrices(book, priceKey, outcomeKeys, weights).map((p) => p.odds);
}
