// Bet9ja B3 (`GetEvent`) response -> sightings. BOOKMAKER-API.md 2.3, 2.6 and 2.7 step 1.
// D.O is a flat `key -> odds` object; keys are grouped by (MARKET, PARAM), one sighting per group.
import { SourceError } from "../../errors";
import type { ParseResult, ScrapedEvent, ScrapedOutcome, Sighting } from "../../types";
import { matchIdOf, teamName } from "../../parsers/event";
import { decimalOdds, isRecord, type Json } from "../../parsers/json";
import { scrapedText } from "../../parsers/text";

const MAX_KEY = 500;
const MAX_NAME = 500;
const MAX_OUTCOME_NAME = 200;

/**
 * `S_<MARKET>[@<PARAM>]_<OUTCOME>`. MARKET is lazy, so the first `_` ends it unless an `@` comes
 * first; that is why `S_OU_2.5_O` reads as market OU, outcome `2.5_O` (2.6). The outcome excludes
 * only `\n`, as Python's `.` does in the reference regex.
 */
const KEY = /^S_([A-Z0-9_-]+?)(?:@([^_]+))?_([^\n]+)$/;

export interface Bet9jaKey {
  market: string;
  param: string | null;
  outcome: string;
}

/** Parses one odds key; null when 2.6 says the key is dropped. */
export function parseBet9jaKey(rawKey: string): Bet9jaKey | null {
  const key = rawKey.trim();
  // Length is checked before the regex so a hostile key cannot make it backtrack for long.
  if (key === "" || (key.length > MAX_KEY && Array.from(key).length > MAX_KEY)) return null;
  const match = KEY.exec(key);
  if (match === null) return null;
  return { market: match[1], param: match[2] ?? null, outcome: match[3] };
}

/** String or number odds both work (2.6); null, non-numeric and non-finite values do not. */
const oddsOf = (value: unknown) => decimalOdds(value, { numbers: true });

/** D.MK is optional metadata (2.6); anything malformed in it is simply not used. */
function displayNames(mk: unknown): Map<string, string> {
  const names = new Map<string, string>();
  if (!Array.isArray(mk)) return names;
  for (const item of mk) {
    if (!isRecord(item)) continue;
    const { ID: id, DS: ds } = item;
    if (typeof id === "string" && typeof ds === "string" && ds.trim() !== "" && !names.has(id)) {
      names.set(id, ds);
    }
  }
  return names;
}

const START = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** "YYYY-MM-DD HH:MM:SS" read as UTC; anything else (ISO `T`, no seconds, 2030-02-30) is null. */
export function parseBet9jaStart(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const m = START.exec(value);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const roundTrips =
    at.getUTCFullYear() === year &&
    at.getUTCMonth() === month - 1 &&
    at.getUTCDate() === day &&
    at.getUTCHours() === hour &&
    at.getUTCMinutes() === minute &&
    at.getUTCSeconds() === second;
  return roundTrips ? at : null;
}

/** The match (2.6): EXTID as the id, STARTDATE, and DS split at its first " - " into home and away. */
function eventOf(d: Json): ScrapedEvent {
  const ds = typeof d.DS === "string" ? d.DS : "";
  const cut = ds.indexOf(" - ");
  return {
    matchId: matchIdOf(d.EXTID),
    kickoff: parseBet9jaStart(d.STARTDATE),
    home: cut < 0 ? null : teamName(ds.slice(0, cut)),
    away: cut < 0 ? null : teamName(ds.slice(cut + 3)),
  };
}

function unwrap(body: unknown, eventId: string): Json {
  if (!isRecord(body)) throw new SourceError("api", `Bet9ja ${eventId}: body is not a JSON object`);
  if (body.R === "E") throw new SourceError("not_found", `Bet9ja ${eventId}: event not found`);
  if (body.R !== "OK" && body.R !== "D") {
    throw new SourceError("api", `Bet9ja ${eventId}: R=${scrapedText(String(body.R), 200)}`);
  }
  if (!isRecord(body.D)) throw new SourceError("api", `Bet9ja ${eventId}: D is missing or not an object`);
  return body.D;
}

interface Group {
  market: string;
  param: string | null;
  outcomes: Map<string, ScrapedOutcome>;
}

export function parseBet9jaEvent(body: unknown, rawEventId: string): ParseResult {
  const eventId = scrapedText(rawEventId);
  const d = unwrap(body, eventId);
  const event = eventOf(d);
  const odds = d.O;
  if (odds === undefined || odds === null) return { sightings: [], dataErrors: 0, event };
  // A non-object O gives no markets (2.6); it is still a broken payload worth counting.
  if (!isRecord(odds)) return { sightings: [], dataErrors: 1, event };

  const groups = new Map<string, Group>();
  let dataErrors = 0;
  for (const [rawKey, value] of Object.entries(odds)) {
    const key = parseBet9jaKey(rawKey);
    if (key === null) {
      dataErrors += 1;
      continue;
    }
    // `@` cannot occur in MARKET, so this composite key is unambiguous.
    const groupKey = key.param === null ? key.market : `${key.market}@${key.param}`;
    let group = groups.get(groupKey);
    if (group === undefined) {
      group = { market: key.market, param: key.param, outcomes: new Map() };
      groups.set(groupKey, group);
    }
    const price = oddsOf(value);
    if (price === null) {
      dataErrors += 1;
      continue;
    }
    const name = scrapedText(key.outcome, MAX_OUTCOME_NAME);
    // The same suffix twice (e.g. once with stray spaces) keeps the later value, like a dict would.
    group.outcomes.set(name, { name, odds: price });
  }

  const names = displayNames(d.MK);
  const sightings: Sighting[] = [];
  for (const group of groups.values()) {
    const externalMarketId = `S_${group.market}`;
    sightings.push({
      source: "bet9ja",
      eventId,
      externalMarketId,
      name: scrapedText(names.get(externalMarketId) ?? group.market, MAX_NAME),
      specifier: group.param === null ? null : scrapedText(group.param) || null,
      outcomes: [...group.outcomes.values()],
    });
  }
  return { sightings, dataErrors, event };
}
