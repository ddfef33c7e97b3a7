// The six responses (BOOKMAKER-API.md 1.9 and 2.8) rendered from a FakeWorld. null means "no such
// tournament/event": the server answers with the platform's own not-found envelope.
import {
  bet9jaNotFound as notFoundB3,
  bet9jaOk,
  bet9jaTime,
  sportybetEvent,
  sportybetNotFound as notFoundS3,
  sportybetOk,
} from "@/server/scraping/native/payloads";
import type { FakeMatch, FakeTournament, FakeWorld } from "./model";

const SPORTS = {
  football: { sr: "sr:sport:1", bet9ja: "1", name: "Football" },
  basketball: { sr: "sr:sport:2", bet9ja: "2", name: "Basketball" },
};

const sportOf = (t: FakeTournament) => SPORTS[t.sport ?? "football"];
const byTournament = (world: FakeWorld, t: FakeTournament) => world.matches.filter((m) => m.tournament === t.sportybetId);
/** Countries become categories (SportyBet) and sub-groups (Bet9ja) with stable ids. */
const countryId = (world: FakeWorld, country: string) => [...new Set(world.tournaments.map((t) => t.country))].indexOf(country) + 1;

function sportybetCategory(t: FakeTournament, world: FakeWorld) {
  return {
    id: `sr:category:${countryId(world, t.country)}`,
    name: t.country,
    tournament: { id: t.sportybetId, name: t.name },
  };
}

export function s1(world: FakeWorld): unknown {
  const sportList = Object.values(SPORTS).map((sport) => {
    const tournaments = world.tournaments.filter((t) => sportOf(t) === sport);
    const countries = [...new Set(tournaments.map((t) => t.country))];
    return {
      id: sport.sr,
      name: sport.name,
      eventSize: tournaments.reduce((n, t) => n + byTournament(world, t).length, 0),
      categories: countries.map((country) => ({
        id: `sr:category:${countryId(world, country)}`,
        name: country,
        eventSize: 0,
        tournaments: tournaments
          .filter((t) => t.country === country)
          .map((t) => ({ id: t.sportybetId, name: t.name, eventSize: byTournament(world, t).length })),
      })),
    };
  });
  return { bizCode: 10000, message: "0#0", data: { sportList } };
}

function sportybetListing(world: FakeWorld, t: FakeTournament, m: FakeMatch, markets: unknown[] = []): Record<string, unknown> {
  const category = sportybetCategory(t, world);
  return {
    ...sportybetEvent({
      srId: m.srId,
      gameId: String(20000 + Number(m.srId.slice(-4))),
      kickoff: m.kickoff,
      home: m.home,
      away: m.away,
      homeTeamId: "sr:competitor:1",
      awayTeamId: "sr:competitor:2",
      sport: { id: sportOf(t).sr, name: sportOf(t).name },
      category: { id: category.id, name: category.name },
      tournament: category.tournament,
      markets,
    }),
    ...m.sportybet?.listing,
  };
}

export function s2(world: FakeWorld, tournamentId: string): unknown {
  const t = world.tournaments.find((x) => x.sportybetId === tournamentId);
  if (t === undefined) return { bizCode: 10000, message: "0#0", data: [] };
  const events = byTournament(world, t)
    .filter((m) => m.sportybet !== null)
    .map((m) => sportybetListing(world, t, m));
  return {
    bizCode: 10000,
    message: "0#0",
    data: [{ id: t.sportybetId, name: t.name, categoryId: `sr:category:${countryId(world, t.country)}`, categoryName: t.country, events }],
  };
}

export function s3(world: FakeWorld, eventId: string): unknown | null {
  const m = world.matches.find((x) => `sr:match:${x.srId}` === eventId && x.sportybet !== null);
  const t = m && world.tournaments.find((x) => x.sportybetId === m.tournament);
  if (!m || !t || !m.sportybet) return null;
  return sportybetOk({ ...sportybetListing(world, t, m), markets: m.sportybet.markets });
}

export const sportybetNotFound = notFoundS3();

export function b1(world: FakeWorld): unknown {
  const PAL: Record<string, unknown> = {};
  for (const sport of Object.values(SPORTS)) {
    const tournaments = world.tournaments.filter((t) => sportOf(t) === sport);
    const SG: Record<string, unknown> = {};
    for (const t of tournaments) {
      const sg = String(11000 + countryId(world, t.country));
      const entry = (SG[sg] ??= { SG_DESC: t.country, NUM: 0, G: {} }) as { NUM: number; G: Record<string, unknown> };
      const num = byTournament(world, t).filter((m) => m.bet9ja !== null).length;
      entry.G[t.groupId] = { G_DESC: t.name, NUM: num };
      entry.NUM += num;
    }
    PAL[sport.bet9ja] = { S_DESC: sport.name === "Football" ? "Soccer" : sport.name, NUM: tournaments.length, SG };
  }
  return { R: "OK", D: { PAL } };
}

function bet9jaListing(m: FakeMatch): Record<string, unknown> {
  return {
    ID: m.bet9jaId,
    C: String(1000 + Number(m.bet9jaId.slice(-3))),
    EXTID: m.srId,
    DS: `${m.home} - ${m.away}`,
    STARTDATE: bet9jaTime(m.kickoff),
    O: {},
    ...m.bet9ja?.listing,
  };
}

export function b2(world: FakeWorld, groupId: string): unknown {
  const t = world.tournaments.find((x) => x.groupId === groupId);
  const events = t
    ? byTournament(world, t)
        .filter((m) => m.bet9ja !== null)
        .map(bet9jaListing)
    : [];
  return { R: "OK", D: { E: events } };
}

export function b3(world: FakeWorld, eventId: string): unknown | null {
  const m = world.matches.find((x) => x.bet9jaId === eventId && x.bet9ja !== null);
  const t = m && world.tournaments.find((x) => x.sportybetId === m.tournament);
  if (!m || !t || !m.bet9ja) return null;
  // The listing (with any override a test made, such as a malformed STARTDATE) as B2 shows it.
  const { O: _odds, C: _code, ...listing } = bet9jaListing(m);
  return bet9jaOk({ ...listing, GID: t.groupId, GN: t.name, SG: t.country, O: m.bet9ja.odds, ...(m.bet9ja.mk ? { MK: m.bet9ja.mk } : {}) });
}

export const bet9jaNotFound = notFoundB3();
