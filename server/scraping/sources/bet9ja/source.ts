// Bet9ja over its public JSON API (BOOKMAKER-API.md 2): the sports tree (B1, Soccer only), each
// group's events (B2), and one event with all its odds (B3), returned whole for its parser
// (parser.ts). `bet9ja` at the end registers the source and its parser (sources/index.ts).
import { SourceError } from "../../errors";
import { matchIdOf } from "../../parsers/event";
import { isRecord, type Json } from "../../parsers/json";
import type { BookmakerDefinition, DiscoveredEvent } from "../../types";
import { createBookmakerSource, defineBookmaker, type BookmakerApi, type BookmakerSource } from "../bookmaker";
import type { BookmakerSourceOptions } from "../options";
import { parseBet9jaEvent, parseBet9jaStart } from "./parser";

export { parseBet9jaStart };

const PREFIX = "/desktop/feapi/PalimpsestAjax";
export const BET9JA_PATHS = {
  tree: `${PREFIX}/GetSports`,
  events: `${PREFIX}/GetEventsInGroupV2`,
  event: `${PREFIX}/GetEvent`,
} as const;

const SOCCER = "1";
/** A constant the site's own front end sends; the API may use it to pick a response format. */
const CACHE_VERSION: [string, string] = ["v_cache_version", "1.301.2.225"];

export const BET9JA_HEADERS: Readonly<Record<string, string>> = {
  accept: "*/*",
  "accept-language": "en-GB,en-US;q=0.9,en;q=0.8",
  "accept-encoding": "gzip, deflate",
  "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
};

/** B1/B2 envelope: R must be exactly "OK" and D an object (2.3). */
function payload(body: unknown, what: string): Json {
  if (!isRecord(body)) throw new SourceError("api", `Bet9ja ${what}: body is not a JSON object`);
  if (body.R !== "OK") throw new SourceError("api", `Bet9ja ${what}: R=${JSON.stringify(body.R)}`);
  if (!isRecord(body.D)) throw new SourceError("api", `Bet9ja ${what}: D is missing or not an object`);
  return body.D;
}

/** Soccer group ids from B1, each once, in tree order (2.4). Other sports are never walked. */
function bet9jaGroups(body: unknown): string[] {
  const d = payload(body, "sports tree");
  if (!isRecord(d.PAL)) throw new SourceError("api", "Bet9ja sports tree: D.PAL is not an object");
  const soccer = d.PAL[SOCCER];
  // Football is always on offer; a tree without it is broken, not empty.
  if (!isRecord(soccer)) throw new SourceError("api", `Bet9ja sports tree: no Soccer (D.PAL["${SOCCER}"])`);
  if (!isRecord(soccer.SG)) throw new SourceError("api", "Bet9ja sports tree: Soccer SG is not an object");
  const ids = new Set<string>();
  for (const subGroup of Object.values(soccer.SG)) {
    if (!isRecord(subGroup) || !isRecord(subGroup.G)) continue;
    for (const id of Object.keys(subGroup.G)) if (id.trim() !== "") ids.add(id);
  }
  return [...ids];
}

/** B3 wants the event's ID (never the display code C); a number is used as its decimal text. */
function eventRef(id: unknown): string | null {
  if (typeof id === "string") return id.trim() === "" ? null : id;
  if (typeof id === "number" && Number.isSafeInteger(id) && id >= 0) return String(id);
  return null;
}

/** Listed events with an ID, a SportRadar EXTID and a readable kick-off (2.5). */
function bet9jaListedEvents(body: unknown, groupId: string): DiscoveredEvent[] {
  const d = payload(body, `events of group ${groupId}`);
  if (d.E === undefined) return [];
  if (!Array.isArray(d.E)) throw new SourceError("api", `Bet9ja events of group ${groupId}: D.E is not a list`);
  const found: DiscoveredEvent[] = [];
  for (const e of d.E) {
    if (!isRecord(e)) continue;
    const ref = eventRef(e.ID);
    // EXTID ties the match to the other bookmakers; the reference skips events without one.
    // Only an empty one is skipped: a numeric EXTID still lists the event, it just cannot merge.
    const ext = e.EXTID;
    const hasExtId = typeof ext === "string" ? ext.trim() !== "" : typeof ext === "number" && ext !== 0;
    const startsAt = parseBet9jaStart(e.STARTDATE);
    if (ref === null || !hasExtId || startsAt === null) continue;
    const matchId = matchIdOf(ext);
    found.push({ source: "bet9ja", ref, startsAt, ...(matchId === null ? {} : { matchId }) });
  }
  return found;
}

const BET9JA_API: BookmakerApi = {
  platform: "bet9ja",
  label: "Bet9ja",
  parse: parseBet9jaEvent,
  tree: () => ({ method: "GET", path: BET9JA_PATHS.tree, query: [["DISP", "0"], CACHE_VERSION], headers: BET9JA_HEADERS }),
  listings: (tree) =>
    bet9jaGroups(tree).map((groupId) => ({
      label: `group ${groupId}`,
      request: {
        method: "GET",
        path: BET9JA_PATHS.events,
        query: [["GROUPID", groupId], ["DISP", "0"], ["GROUPMARKETID", "1"], CACHE_VERSION],
        headers: BET9JA_HEADERS,
      },
      events: (body) => bet9jaListedEvents(body, groupId),
    })),
  event: (ref) => ({ method: "GET", path: BET9JA_PATHS.event, query: [["EVENTID", ref], CACHE_VERSION], headers: BET9JA_HEADERS }),
};

export const createBet9jaSource = (options: BookmakerSourceOptions): BookmakerSource => createBookmakerSource(BET9JA_API, options);

/** Bet9ja in the registry of sources (sources/index.ts). */
export const bet9ja: BookmakerDefinition = defineBookmaker(BET9JA_API);
