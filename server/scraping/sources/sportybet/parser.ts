// SportyBet S3 (`factsCenter/event`) response -> sightings. BOOKMAKER-API.md 1.4 and 1.7.
// The envelope is strict (it decides "not found" vs "broken API"); the markets are lenient: one bad
// market or outcome costs a dataError, not the event.
import { SourceError } from "../../errors";
import type { ParseResult, ScrapedEvent, ScrapedOutcome, Sighting } from "../../types";
import { matchIdOf, teamName } from "../../parsers/event";
import { decimalOdds, isRecord, type Json } from "../../parsers/json";
import { scrapedText } from "../../parsers/text";

const MAX_NAME = 500;
const MAX_OUTCOME_NAME = 200;
const MAX_SPECIFIER = 1000;
const MATCH_PREFIX = "sr:match:";

function codePoints(text: string): number {
  return text.length <= MAX_SPECIFIER ? text.length : Array.from(text).length;
}

/** Odds must be a decimal string (1.7: a JSON number fails validation upstream). */
const oddsOf = (value: unknown) => decimalOdds(value, { numbers: false });

function describe(value: unknown): string {
  return scrapedText(String(value), 200);
}

function parseOutcomes(raw: unknown): { outcomes: ScrapedOutcome[]; errors: number } {
  if (!Array.isArray(raw)) return { outcomes: [], errors: 1 };
  const outcomes: ScrapedOutcome[] = [];
  let errors = 0;
  for (const item of raw) {
    const desc = isRecord(item) ? item.desc : undefined;
    const odds = isRecord(item) ? oddsOf(item.odds) : null;
    if (typeof desc !== "string" || odds === null) {
      errors += 1;
      continue;
    }
    outcomes.push({ name: scrapedText(desc, MAX_OUTCOME_NAME), odds });
  }
  return { outcomes, errors };
}

function specifierOf(raw: unknown): { specifier: string | null; error: boolean } {
  if (raw === undefined || raw === null) return { specifier: null, error: false };
  if (typeof raw !== "string") return { specifier: null, error: true };
  const specifier = scrapedText(raw);
  // 1.8: empty means a simple market, and an over-long one is treated as absent.
  if (specifier.trim() === "" || codePoints(specifier) > MAX_SPECIFIER) return { specifier: null, error: false };
  return { specifier, error: false };
}

function parseMarket(raw: unknown, eventId: string): { sighting: Sighting | null; errors: number } {
  if (!isRecord(raw)) return { sighting: null, errors: 1 };
  if (typeof raw.id !== "string" || typeof raw.desc !== "string") return { sighting: null, errors: 1 };
  const id = scrapedText(raw.id);
  if (id === "") return { sighting: null, errors: 1 };
  const desc = scrapedText(raw.desc);
  const name = typeof raw.name === "string" ? scrapedText(raw.name) : "";
  const label = desc.trim() !== "" ? desc : name.trim() !== "" ? name : id;
  const { specifier, error } = specifierOf(raw.specifier);
  const { outcomes, errors } = parseOutcomes(raw.outcomes);
  return {
    sighting: {
      source: "sportybet",
      eventId,
      externalMarketId: id,
      name: scrapedText(label, MAX_NAME),
      specifier,
      outcomes,
    },
    errors: errors + (error ? 1 : 0),
  };
}

function unwrap(body: unknown, eventId: string): Json {
  if (!isRecord(body)) throw new SourceError("api", `SportyBet ${eventId}: body is not a JSON object`);
  // Integer compare on purpose: the string "10000" is a failure too (1.4).
  if (body.bizCode !== 10000) {
    throw new SourceError(
      "not_found",
      // JSON form, so a string "10000" reads as the wrong type it is, not as success.
      `SportyBet ${eventId}: bizCode=${describe(JSON.stringify(body.bizCode) ?? "missing")}: ${describe(body.message)}`,
    );
  }
  if (!("data" in body)) throw new SourceError("api", `SportyBet ${eventId}: response has no data`);
  if (body.data === null) throw new SourceError("not_found", `SportyBet ${eventId}: data is null`);
  if (!isRecord(body.data)) throw new SourceError("api", `SportyBet ${eventId}: data is not an object`);
  return body.data;
}

/** The match (1.7): the id from the event's own `eventId`, else from the one it was fetched by. */
function eventOf(data: Json, ref: string): ScrapedEvent {
  const own = typeof data.eventId === "string" ? data.eventId : ref;
  const start = data.estimateStartTime;
  return {
    matchId: own.startsWith(MATCH_PREFIX) ? matchIdOf(own.slice(MATCH_PREFIX.length)) : null,
    // Epoch milliseconds, as discovery reads it (1.6).
    kickoff: typeof start === "number" && start > 0 && Number.isFinite(new Date(start).getTime()) ? new Date(start) : null,
    home: teamName(data.homeTeamName),
    away: teamName(data.awayTeamName),
  };
}

export function parseSportybetEvent(body: unknown, rawEventId: string): ParseResult {
  const eventId = scrapedText(rawEventId);
  const data = unwrap(body, eventId);
  const event = eventOf(data, rawEventId);
  const markets = data.markets;
  if (markets === undefined) return { sightings: [], dataErrors: 0, event };
  if (!Array.isArray(markets)) {
    throw new SourceError("api", `SportyBet ${eventId}: markets is not an array`);
  }
  const sightings: Sighting[] = [];
  let dataErrors = 0;
  for (const raw of markets) {
    const { sighting, errors } = parseMarket(raw, eventId);
    dataErrors += errors;
    if (sighting !== null) sightings.push(sighting);
  }
  return { sightings, dataErrors, event };
}
