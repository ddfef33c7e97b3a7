// The world a fake bookmaker serves: tournaments and matches, each match offered by SportyBet,
// Bet9ja or both with native markets. Markets are kept as raw JSON values so a test can put in
// exactly the wrong types, names and keys it wants to see handled.

export interface FakeTournament {
  /** SportyBet `sr:tournament:N`. */
  sportybetId: string;
  /** Bet9ja group id (a B1 `G` key), the same competition. */
  groupId: string;
  name: string;
  country: string;
  /** Non-football tournaments sit under another sport and must never be asked for. */
  sport?: "football" | "basketball";
}

export interface SportybetOffer {
  /** S3 `data.markets` exactly as served (any JSON). */
  markets: unknown[];
  /** Merged over the generated S2 listing entry, e.g. `{ estimateStartTime: "soon" }`. */
  listing?: Record<string, unknown>;
}

export interface Bet9jaOffer {
  /** B3 `D.O` exactly as served. */
  odds: Record<string, unknown>;
  /** B3 `D.MK` (display names); left out when undefined. */
  mk?: unknown[];
  /** Merged over the generated B2 listing entry, e.g. `{ STARTDATE: "2030-01-05T15:00:00" }`. */
  listing?: Record<string, unknown>;
}

export interface FakeMatch {
  /** SportRadar match number: SportyBet `sr:match:<srId>`, Bet9ja `EXTID`. */
  srId: string;
  /** Bet9ja event `ID`, what B3 is asked for. */
  bet9jaId: string;
  tournament: string;
  kickoff: number;
  home: string;
  away: string;
  sportybet: SportybetOffer | null;
  bet9ja: Bet9jaOffer | null;
}

export interface FakeWorld {
  tournaments: FakeTournament[];
  matches: FakeMatch[];
}

// Builders -------------------------------------------------------------------------------------

export function fakeTournament(n: number, name: string, country: string, sport: FakeTournament["sport"] = "football"): FakeTournament {
  return { sportybetId: `sr:tournament:${n}`, groupId: String(170_000 + n), name, country, sport };
}

/**
 * Match number `n` of a tournament, on both platforms unless an offer is given (null = not
 * offered there): `sr:match:<61300000 + n>` on SportyBet, event ID `<707096000 + n>` on Bet9ja.
 */
export function fakeMatch(
  n: number,
  tournament: FakeTournament,
  kickoff: number,
  offers: { sportybet?: SportybetOffer | null; bet9ja?: Bet9jaOffer | null } = {},
): FakeMatch {
  return {
    srId: String(61_300_000 + n),
    bet9jaId: String(707_096_000 + n),
    tournament: tournament.sportybetId,
    kickoff,
    home: `Home ${n} FC`,
    away: `Away ${n} United`,
    sportybet: offers.sportybet === undefined ? { markets: [] } : offers.sportybet,
    bet9ja: offers.bet9ja === undefined ? { odds: {} } : offers.bet9ja,
  };
}

export type SportyOutcome = [desc: string, odds: unknown] | Record<string, unknown>;

/** A SportyBet market with every field the spec calls required (1.7), ids and odds as strings. */
export function sportyMarket(
  id: unknown,
  desc: string,
  outcomes: readonly SportyOutcome[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    product: 3,
    desc,
    name: desc,
    status: 0,
    favourite: 0,
    banned: false,
    outcomes: outcomes.map((o, i) =>
      Array.isArray(o) ? { id: String(i + 1), odds: o[1], probability: "0.5000", voidProbability: "0E-10", isActive: 1, desc: o[0] } : o,
    ),
    ...extra,
  };
}

/** Bet9ja odds keys for one market instance: `S_OU`, "2.5", { O: "1.85" } -> `S_OU@2.5_O`. */
export function bet9jaOdds(marketKey: string, param: string | null, outcomes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const prefix = param === null ? marketKey : `${marketKey}@${param}`;
  return Object.fromEntries(Object.entries(outcomes).map(([suffix, odds]) => [`${prefix}_${suffix}`, odds]));
}

/** "YYYY-MM-DD HH:MM:SS" in UTC, Bet9ja's kick-off format. */
export { bet9jaTime } from "@/server/scraping/native/payloads";

/** The tournaments the source tests share: two football ones and one that must never be walked. */
export const TEST_TOURNAMENTS = {
  premier: fakeTournament(17, "Premier League", "England"),
  cup: fakeTournament(9001, "Example Cup", "Exampleland"),
  nba: fakeTournament(132, "NBA", "USA", "basketball"),
} as const;
