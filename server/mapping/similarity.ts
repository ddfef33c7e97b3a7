// Text similarity for suggesting mappings: Dice coefficient over character bigrams of normalised
// text. Cheap, order-tolerant ("Home Team Over/Under" ~ "Over/Under Home Team"), no dependencies.
const PERIODS = /\b(full ?time|ft|regular time|match)\b/g;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9+]+/g, " ")
    .replace(PERIODS, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of text.split(" ")) {
    const w = ` ${word} `;
    for (let i = 0; i < w.length - 1; i++) {
      const g = w.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

/** 0 (nothing in common) to 1 (same after normalisation). */
export function similarity(a: string, b: string): number {
  const na = normalise(a);
  const nb = normalise(b);
  if (na === nb) return na === "" ? 0 : 1;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

/**
 * How alike two outcome names are: their similarity, or 0.8 when one is a one- or two-character
 * abbreviation the other starts with. Bet9ja's outcome suffixes abbreviate (O, U, Y, N, H, A)
 * what SportyBet spells out (Over, Under, Yes, No, Home, Away); bigrams cannot see that.
 */
export function outcomeLikeness(a: string, b: string): number {
  const [x, y] = [normalise(a), normalise(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const abbreviates = short.length > 0 && short.length <= 2 && long.length > short.length && long.startsWith(short);
  return Math.max(similarity(a, b), abbreviates ? 0.8 : 0);
}
