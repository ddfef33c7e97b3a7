// Reading untrusted JSON from a bookmaker: the checks every parser and source makes the same way.
// Clipping and cleaning text lives in text.ts.

export type Json = Record<string, unknown>;

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A plain decimal as bookmakers write prices ("1.85", " 2 ", "1e2"); nothing else (no "0x10", no "Infinity"). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Odds from a decimal string, or also from a JSON number when the platform allows one (Bet9ja 2.6;
 * SportyBet 1.7 does not). null for anything else and for non-finite values.
 */
export function decimalOdds(value: unknown, { numbers }: { numbers: boolean }): number | null {
  if (typeof value === "number") return numbers && Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const odds = Number(trimmed);
  return Number.isFinite(odds) ? odds : null;
}
