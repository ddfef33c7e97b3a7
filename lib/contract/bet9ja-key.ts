// The one Bet9ja market key rule: the contract validates keys with it, the mapping cache reads the
// market code from it, and the UI checks the field with the same schema. A key is `S_<MARKET>`
// (e.g. S_OU); the scraper's odds keys add `@<PARAM>` and `_<OUTCOME>` to it
// (server/scraping/sources/bet9ja/parser.ts).
import { z } from "zod";

const BET9JA_KEY_PREFIX = "S_";

export const bet9jaKeySchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^S_[A-Za-z0-9@.\-+/:]+$/, `a Bet9ja market key starts with ${BET9JA_KEY_PREFIX}, e.g. S_OU`)
  .describe("The full Bet9ja market key, e.g. S_OU");

/** S_OU -> OU: the MARKET part that the line and handicap rules are keyed by. */
export function bet9jaMarketCode(key: string): string {
  return key.startsWith(BET9JA_KEY_PREFIX) ? key.slice(BET9JA_KEY_PREFIX.length) : key;
}
