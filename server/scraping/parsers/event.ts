// The match behind one event payload (types.ts ScrapedEvent), read the same way for every
// bookmaker: a match id is digits or nothing, names are scraped text like every other string.
import { scrapedText } from "./text";

const MAX_TEAM_NAME = 200;
/** SportRadar match ids are integers; longer runs of digits are garbage, not ids. */
const MATCH_ID = /^\d{1,20}$/;

/** The id when the value is a string of digits (a JSON number is not: it would never equal the other book's string). */
export function matchIdOf(value: unknown): string | null {
  return typeof value === "string" && MATCH_ID.test(value) ? value : null;
}

/** A team name, cleaned and clipped; null when absent or blank. */
export function teamName(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const name = scrapedText(value, MAX_TEAM_NAME).trim();
  return name === "" ? null : name;
}
