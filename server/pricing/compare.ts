// Compares two platforms' markets by their snapshot prices: the events (match and line) both
// offered, each side's outcomes in one fixed order, then checkPairing() on a proposed pairing of
// outcome names. Pure: the rows come from snapshot-prices.ts.
import { checkPairing, type EventOdds, type PriceCheck } from "./consistency";
import { lineKey } from "./fair-prices";
import type { PriceRow } from "./snapshot-prices";

/**
 * Events compared at most per comparison: the verdict is settled long before (noise between books
 * is 1-2 points), and a market offered in 1,500 matches should not cost 1,500 de-marginings per
 * candidate. The rows are taken in match order, so the same snapshot gives the same answer.
 */
export const MAX_EVENTS_COMPARED = 200;

export interface NamedComparison {
  /** A's outcome names in the order the check's indexes use. */
  aNames: string[];
  bNames: string[];
  /** The proposed pairing as indexes: A's i-th outcome -> B's, null unpaired. */
  pairing: Array<number | null>;
  check: PriceCheck;
}

const eventKey = (r: PriceRow) => `${r.matchId}\u0000${lineKey(r.line || null) ?? ""}`;
const signature = (names: readonly string[]) => [...names].sort().join("\u0000");

/** The outcome list most instances show (first seen order): instances listing other outcomes are skipped. */
function usualNames(rows: readonly PriceRow[]): string[] {
  const counts = new Map<string, { names: string[]; n: number }>();
  for (const r of rows) {
    const names = r.outcomes.map((o) => o.name);
    const key = signature(names);
    const seen = counts.get(key);
    if (seen) seen.n++;
    else counts.set(key, { names, n: 1 });
  }
  let best: { names: string[]; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.names ?? [];
}

function oddsIn(row: PriceRow, names: readonly string[]): Array<number | null> | null {
  if (row.outcomes.length !== names.length) return null;
  const byName = new Map(row.outcomes.map((o) => [o.name, o.odds]));
  const odds = names.map((n) => byName.get(n));
  return odds.some((o) => o === undefined) ? null : (odds as Array<number | null>);
}

/**
 * A's rows against B's: pairs the instances of one match and line (lines compared as lineKey
 * writes them, so SportyBet total=2.5 meets Bet9ja 2.5), and checks `proposed` (A's outcome name ->
 * B's outcome name, or null) on their prices. Rows should be one run's per instance (latestOnly).
 */
export function compareRows(
  aRows: readonly PriceRow[],
  bRows: readonly PriceRow[],
  proposed: (aName: string) => string | null,
): NamedComparison {
  const bByEvent = new Map<string, PriceRow>();
  for (const r of bRows) if (!bByEvent.has(eventKey(r))) bByEvent.set(eventKey(r), r);
  const pairs = [...aRows]
    .filter((r) => bByEvent.has(eventKey(r)))
    .sort((x, y) => x.matchId.localeCompare(y.matchId) || x.line.localeCompare(y.line))
    .slice(0, MAX_EVENTS_COMPARED)
    .map((a) => ({ a, b: bByEvent.get(eventKey(a))! }));
  const aNames = usualNames(pairs.map((p) => p.a));
  const bNames = usualNames(pairs.map((p) => p.b));
  const events: EventOdds[] = [];
  let unlike = 0;
  for (const { a, b } of pairs) {
    const [ao, bo] = [oddsIn(a, aNames), oddsIn(b, bNames)];
    if (ao && bo) events.push({ a: ao, b: bo });
    else unlike++;
  }
  const pairing = aNames.map((n) => {
    const partner = proposed(n);
    // SportyBet matches outcome descriptions case-insensitively (the mapping cache does too).
    const j = partner === null ? -1 : bNames.findIndex((b) => b.toLowerCase() === partner.toLowerCase());
    return j < 0 ? null : j;
  });
  const check = checkPairing(events, pairing);
  return { aNames, bNames, pairing, check: { ...check, eventsSkipped: check.eventsSkipped + unlike } };
}
