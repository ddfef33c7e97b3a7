// The match each parser reads for the price snapshot: SportRadar id, kick-off, team names, cleaned
// like every scraped string; anything unusable is null and never costs the event its markets.
import { describe, expect, it } from "vitest";
import { parseBet9jaEvent } from "../sources/bet9ja/parser";
import { parseSportybetEvent } from "../sources/sportybet/parser";

const sporty = (data: Record<string, unknown>) => ({ bizCode: 10000, message: "0#0", data: { markets: [], ...data } });
const bet9ja = (d: Record<string, unknown>) => ({ R: "OK", D: { O: {}, ...d } });

describe("SportyBet event", () => {
  it("reads the match id without sr:match:, the kick-off in epoch ms and both team names", () => {
    const body = sporty({
      eventId: "sr:match:61300947",
      estimateStartTime: 1893855600000,
      homeTeamName: "Alpha FC",
      awayTeamName: "Beta United",
    });
    expect(parseSportybetEvent(body, "sr:match:61300947").event).toEqual({
      matchId: "61300947",
      kickoff: new Date(1893855600000),
      home: "Alpha FC",
      away: "Beta United",
    });
  });

  it("falls back to the id it was fetched by; a non-numeric id, seconds as a string or blank names are null", () => {
    expect(parseSportybetEvent(sporty({}), "sr:match:42").event).toEqual({ matchId: "42", kickoff: null, home: null, away: null });
    const bad = sporty({ eventId: "sr:match:abc", estimateStartTime: "1893855600", homeTeamName: "  ", awayTeamName: 7 });
    expect(parseSportybetEvent(bad, "sr:match:abc").event).toEqual({ matchId: null, kickoff: null, home: null, away: null });
    // Beyond what a Date can hold: no kick-off rather than an Invalid Date.
    expect(parseSportybetEvent(sporty({ estimateStartTime: 1e20 }), "sr:match:1").event?.kickoff).toBeNull();
  });

  it("cleans control characters out of the team names", () => {
    const body = sporty({ eventId: "sr:match:1", homeTeamName: "Alpha\u0000\u001b[31m FC", awayTeamName: "Beta\tUnited" });
    expect(parseSportybetEvent(body, "sr:match:1").event).toMatchObject({ home: "Alpha [31m FC", away: "Beta United" });
  });
});

describe("Bet9ja event", () => {
  it("reads EXTID as the match id, STARTDATE as UTC and DS split at its first ' - '", () => {
    const body = bet9ja({ ID: "707096003", EXTID: "61300947", DS: "Alpha FC - Beta - United", STARTDATE: "2030-01-05 15:00:00" });
    expect(parseBet9jaEvent(body, "707096003").event).toEqual({
      matchId: "61300947",
      kickoff: new Date("2030-01-05T15:00:00Z"),
      home: "Alpha FC",
      away: "Beta - United",
    });
  });

  it("has no match id for a numeric or non-digit EXTID, and no names without ' - '", () => {
    for (const EXTID of [61300947, "sr:match:1", "", null]) {
      expect(parseBet9jaEvent(bet9ja({ EXTID, DS: "Alpha FC" }), "1").event).toEqual({
        matchId: null,
        kickoff: null,
        home: null,
        away: null,
      });
    }
  });

  it("still reads the event when its odds are absent", () => {
    expect(parseBet9jaEvent({ R: "OK", D: { EXTID: "5" } }, "1")).toMatchObject({ sightings: [], event: { matchId: "5" } });
  });
});
