// SportyBet over its public JSON API (BOOKMAKER-API.md 1): the football tree (S1), each
// tournament's upcoming events (S2, a POST with a JSON array body), and one event with all its
// markets (S3), returned whole for its parser (parser.ts). `sportybet` at the end registers the
// source and its parser with the registry of sources (sources/index.ts).
import { SourceError } from "../../errors";
import type { Clock } from "../../http/clock";
import { isRecord } from "../../parsers/json";
import type { BookmakerDefinition, DiscoveredEvent } from "../../types";
import { createBookmakerSource, defineBookmaker, type BookmakerApi, type BookmakerSource } from "../bookmaker";
import type { BookmakerSourceOptions } from "../options";
import { parseSportybetEvent } from "./parser";

export const SPORTYBET_PATHS = {
  tree: "/api/ng/factsCenter/popularAndSportList",
  events: "/api/ng/factsCenter/pcEvents",
  event: "/api/ng/factsCenter/event",
} as const;

const FOOTBALL = "sr:sport:1";
const MATCH_PREFIX = "sr:match:";
/** Markets SportyBet embeds in each S2 listing; only limits the listing's size, never read. */
const LISTING_MARKETS = "1,18,10,29,11,26,36,14";
const PRE_MATCH = "3";

/** Exactly what the reference sends (1.2); the platform headers are said to be required. */
export const SPORTYBET_HEADERS: Readonly<Record<string, string>> = {
  accept: "*/*",
  "accept-language": "en",
  "accept-encoding": "gzip, deflate",
  clientid: "web",
  operid: "2",
  platform: "web",
  "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
};

/** S1/S2 envelope: bizCode must be the integer 10000 (the string "10000" is a failure, 1.4). */
function payload(body: unknown, what: string): unknown {
  if (!isRecord(body)) throw new SourceError("api", `SportyBet ${what}: body is not a JSON object`);
  if (body.bizCode !== 10000) {
    throw new SourceError("api", `SportyBet ${what}: bizCode=${JSON.stringify(body.bizCode)}: ${String(body.message).slice(0, 200)}`);
  }
  return body.data;
}

/** The site's cache buster: the time, so no cache between us and the API answers an old list. */
const cacheBuster = (clock: Clock): [string, string] => ["_t", String(clock.now())];

/** Football tournament ids from S1, each once, in tree order (1.5). */
function sportybetTournaments(body: unknown): string[] {
  const data = payload(body, "tournament tree");
  // The reference finds nothing without `data` and crashes on null; either way the tree is
  // unusable, and saying so beats a run that quietly finds no events.
  if (!isRecord(data) || !Array.isArray(data.sportList)) {
    throw new SourceError("api", "SportyBet tournament tree: data.sportList is missing or not a list");
  }
  const ids = new Set<string>();
  for (const sport of data.sportList) {
    if (!isRecord(sport) || sport.id !== FOOTBALL || !Array.isArray(sport.categories)) continue;
    for (const category of sport.categories) {
      if (!isRecord(category) || !Array.isArray(category.tournaments)) continue;
      for (const t of category.tournaments) {
        if (isRecord(t) && typeof t.id === "string" && t.id.trim() !== "") ids.add(t.id);
      }
    }
  }
  return [...ids];
}

/** Listed events with a usable id and kick-off (1.6); whether they are upcoming is decided later. */
function sportybetListedEvents(body: unknown, tournamentId: string): DiscoveredEvent[] {
  const data = payload(body, `events of ${tournamentId}`);
  // Missing, null, non-list or empty data, and a first item without events, all mean "no events".
  if (!Array.isArray(data) || !isRecord(data[0]) || !Array.isArray(data[0].events)) return [];
  const found: DiscoveredEvent[] = [];
  for (const e of data[0].events) {
    if (!isRecord(e)) continue;
    const { eventId, estimateStartTime: start } = e;
    if (typeof eventId !== "string" || !eventId.startsWith(MATCH_PREFIX) || eventId.length === MATCH_PREFIX.length) continue;
    // Epoch ms only: a string or zero is skipped, and seconds read as 1970 and so as started.
    if (typeof start !== "number" || !Number.isFinite(start) || start <= 0) continue;
    found.push({ source: "sportybet", ref: eventId, startsAt: new Date(start) });
  }
  return found;
}

const SPORTYBET_API: BookmakerApi = {
  platform: "sportybet",
  label: "SportyBet",
  parse: parseSportybetEvent,
  tree: (clock) => ({
    method: "GET",
    path: SPORTYBET_PATHS.tree,
    query: [["sportId", FOOTBALL], ["timeline", ""], ["productId", PRE_MATCH], cacheBuster(clock)],
    headers: SPORTYBET_HEADERS,
  }),
  listings: (tree) =>
    sportybetTournaments(tree).map((tournamentId) => ({
      label: `tournament ${tournamentId}`,
      request: {
        method: "POST",
        path: SPORTYBET_PATHS.events,
        headers: { ...SPORTYBET_HEADERS, "content-type": "application/json" },
        body: [{ sportId: FOOTBALL, marketId: LISTING_MARKETS, tournamentId: [[tournamentId]] }],
      },
      events: (body) => sportybetListedEvents(body, tournamentId),
    })),
  event: (ref, clock) => ({
    method: "GET",
    path: SPORTYBET_PATHS.event,
    query: [["eventId", ref], ["productId", PRE_MATCH], cacheBuster(clock)],
    headers: SPORTYBET_HEADERS,
  }),
};

export const createSportybetSource = (options: BookmakerSourceOptions): BookmakerSource => createBookmakerSource(SPORTYBET_API, options);

/** SportyBet in the registry of sources (sources/index.ts). */
export const sportybet: BookmakerDefinition = defineBookmaker(SPORTYBET_API);
