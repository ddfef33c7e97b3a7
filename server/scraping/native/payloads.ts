// The bookmakers' native response shapes (BOOKMAKER-API.md 1.7-1.9, 2.6-2.8), built in one place for
// the two things that serve them: the demo feed and the fake bookmaker the tests run against.

/** Bet9ja's STARTDATE: UTC, "YYYY-MM-DD HH:MM:SS". */
export function bet9jaTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** A successful SportyBet answer. */
export const sportybetOk = (data: unknown) => ({ bizCode: 10000, message: "0#0", data });
/** SportyBet's answer for an unknown event (1.9). */
export const sportybetNotFound = () => ({ bizCode: 19999, message: "Event not found", data: null });
/** A successful Bet9ja answer. */
export const bet9jaOk = (D: unknown) => ({ R: "OK", D });
/** Bet9ja's answer for an unknown event (2.8). */
export const bet9jaNotFound = () => ({ R: "E", D: null });

export interface SportybetEventFields {
  srId: number | string;
  gameId: string;
  kickoff: number;
  home: string;
  away: string;
  homeTeamId: string;
  awayTeamId: string;
  sport: { id: string; name: string };
  category: { id: string; name: string };
  tournament: { id: string; name: string };
  markets: unknown[];
}

/** One event as S2 lists it and S3 returns it (`data` of S3, an item of S2's `events`). */
export function sportybetEvent(e: SportybetEventFields): Record<string, unknown> {
  return {
    eventId: `sr:match:${e.srId}`,
    gameId: e.gameId,
    productStatus: "0#0",
    estimateStartTime: e.kickoff,
    status: 0,
    matchStatus: "Not start",
    homeTeamId: e.homeTeamId,
    homeTeamName: e.home,
    awayTeamId: e.awayTeamId,
    awayTeamName: e.away,
    sport: { ...e.sport, category: { ...e.category, tournament: e.tournament } },
    markets: e.markets,
  };
}

export interface Bet9jaEventFields {
  id: number | string;
  srId: number | string;
  home: string;
  away: string;
  kickoff: number;
  group: { id: string; name: string; country: string };
  odds: Record<string, unknown>;
  /** Market display names; left out when undefined. */
  mk?: unknown[];
}

/** One event as B3 returns it (`D`). */
export function bet9jaEvent(e: Bet9jaEventFields): Record<string, unknown> {
  return {
    ID: String(e.id),
    EXTID: String(e.srId),
    DS: `${e.home} - ${e.away}`,
    STARTDATE: bet9jaTime(e.kickoff),
    GID: e.group.id,
    GN: e.group.name,
    SG: e.group.country,
    O: e.odds,
    ...(e.mk === undefined ? {} : { MK: e.mk }),
  };
}
