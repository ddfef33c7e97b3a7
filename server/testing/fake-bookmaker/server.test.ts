// The fake bookmaker itself, checked with plain fetch (not the client under test): the six routes
// at the spec's paths and in its formats, not-found envelopes, request logging, fault rules, and
// the generated world's size.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseBet9jaEvent } from "@/server/scraping/sources/bet9ja/parser";
import { parseSportybetEvent } from "@/server/scraping/sources/sportybet/parser";
import { generateWorld } from "./generated-world";
import { bet9jaOdds, bet9jaTime, fakeMatch, fakeTournament, sportyMarket } from "./model";
import { startFakeBookmaker, type FakeBookmaker } from "./server";

const KICKOFF = Date.parse("2030-01-05T15:00:00Z");
const premier = fakeTournament(17, "Premier League", "England");
const nba = fakeTournament(132, "NBA", "USA", "basketball");

describe("fake bookmaker", () => {
  let fake: FakeBookmaker;
  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${fake.url}${path}`, init);
    return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as unknown };
  };
  const pcEvents = (body: unknown) =>
    get("/api/ng/factsCenter/pcEvents", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  beforeAll(async () => {
    fake = await startFakeBookmaker({
      prefix: "/p",
      world: {
        tournaments: [premier, nba],
        matches: [
          fakeMatch(1, premier, KICKOFF, {
            sportybet: { markets: [sportyMarket("1", "1X2", [["Home", "2.10"]])] },
            bet9ja: { odds: bet9jaOdds("S_OU", "2.5", { O: "1.88" }), mk: [{ ID: "S_OU", DS: "Over/Under" }] },
          }),
          fakeMatch(2, premier, KICKOFF + 1000, { bet9ja: null }),
          fakeMatch(3, nba, KICKOFF),
        ],
      },
    });
  });
  afterEach(() => {
    fake.clearFaults();
    fake.resetLog();
  });
  afterAll(async () => fake?.close());

  it("serves the SportyBet tree with football and another sport", async () => {
    const { status, type, body } = await get("/api/ng/factsCenter/popularAndSportList?sportId=sr%3Asport%3A1&timeline=&productId=3&_t=1");
    expect(status).toBe(200);
    expect(type).toBe("application/json");
    expect(body).toMatchObject({
      bizCode: 10000,
      message: "0#0",
      data: {
        sportList: [
          {
            id: "sr:sport:1",
            categories: [
              { id: "sr:category:1", name: "England", tournaments: [{ id: "sr:tournament:17", name: "Premier League", eventSize: 2 }] },
            ],
          },
          { id: "sr:sport:2", categories: [{ name: "USA", tournaments: [{ id: "sr:tournament:132" }] }] },
        ],
      },
    });
  });

  it("serves a tournament's events for the tournament named in the POST body, and only the ones SportyBet offers", async () => {
    const { body } = await pcEvents([{ sportId: "sr:sport:1", marketId: "1", tournamentId: [["sr:tournament:17"]] }]);
    const data = (body as { data: Array<{ events: Array<Record<string, unknown>> }> }).data;
    expect(data[0].events.map((e) => [e.eventId, e.estimateStartTime])).toEqual([
      ["sr:match:61300001", KICKOFF],
      ["sr:match:61300002", KICKOFF + 1000],
    ]);
    expect(fake.requests[0]).toMatchObject({ route: "S2", key: "sr:tournament:17", method: "POST" });
    expect((await pcEvents([{ tournamentId: [["sr:tournament:404"]] }])).body).toEqual({ bizCode: 10000, message: "0#0", data: [] });
    expect((await pcEvents({ tournamentId: "sr:tournament:17" })).status).toBe(400);
  });

  it("serves an event with its markets, and the not-found envelope for an unknown one", async () => {
    const { body } = await get("/api/ng/factsCenter/event?eventId=sr%3Amatch%3A61300001&productId=3&_t=1");
    expect(body).toMatchObject({
      bizCode: 10000,
      data: {
        eventId: "sr:match:61300001",
        homeTeamName: "Home 1 FC",
        sport: { category: { name: "England", tournament: { id: "sr:tournament:17" } } },
      },
    });
    expect(parseSportybetEvent(body, "sr:match:61300001").sightings).toHaveLength(1);
    expect((await get("/api/ng/factsCenter/event?eventId=sr%3Amatch%3A9&productId=3")).body).toEqual({
      bizCode: 19999,
      message: "Event not found",
      data: null,
    });
  });

  it("serves the Bet9ja tree, a group's events and an event, keyed by GROUPID and EVENTID", async () => {
    const tree = (await get("/desktop/feapi/PalimpsestAjax/GetSports?DISP=0&v_cache_version=1.301.2.225")).body;
    expect(tree).toMatchObject({
      R: "OK",
      D: {
        PAL: {
          "1": {
            S_DESC: "Soccer",
            SG: { "11001": { SG_DESC: "England", G: { [premier.groupId]: { G_DESC: "Premier League", NUM: 1 } } } },
          },
          "2": {},
        },
      },
    });
    const group = (await get(`/desktop/feapi/PalimpsestAjax/GetEventsInGroupV2?GROUPID=${premier.groupId}&DISP=0&GROUPMARKETID=1`)).body;
    expect(group).toEqual({
      R: "OK",
      D: { E: [{ ID: "707096001", C: "1001", EXTID: "61300001", DS: "Home 1 FC - Away 1 United", STARTDATE: bet9jaTime(KICKOFF), O: {} }] },
    });
    const event = (await get("/desktop/feapi/PalimpsestAjax/GetEvent?EVENTID=707096001")).body;
    expect(event).toMatchObject({
      R: "OK",
      D: { ID: "707096001", EXTID: "61300001", GID: premier.groupId, GN: "Premier League", SG: "England", O: { "S_OU@2.5_O": "1.88" } },
    });
    expect(parseBet9jaEvent(event, "707096001").sightings).toMatchObject([
      { externalMarketId: "S_OU", name: "Over/Under", specifier: "2.5" },
    ]);
    expect((await get("/desktop/feapi/PalimpsestAjax/GetEvent?EVENTID=707096002")).body).toEqual({ R: "E", D: null });
  });

  it("answers 404 outside the routes (and outside the prefix) and 405 to the wrong method", async () => {
    expect((await get("/api/ng/factsCenter/nothing")).status).toBe(404);
    expect((await fetch(fake.url.replace(/\/p$/, "/api/ng/factsCenter/popularAndSportList"))).status).toBe(404);
    expect((await get("/api/ng/factsCenter/pcEvents")).status).toBe(405);
  });

  it("applies a fault to the matching requests only, as many times as asked", async () => {
    fake.fault({ route: "B3", key: "707096001", times: 2, respond: { kind: "status", status: 500, headers: { "retry-after": "3" } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${fake.url}/desktop/feapi/PalimpsestAjax/GetEvent?EVENTID=707096001`)).status);
    expect(statuses).toEqual([500, 500, 200]);
    fake.fault({ route: "S3", respond: { kind: "raw", body: "<html>", contentType: "text/html" } });
    const raw = await fetch(`${fake.url}/api/ng/factsCenter/event?eventId=sr%3Amatch%3A61300001`);
    expect(await raw.text()).toBe("<html>");
    expect(fake.requests.map((r) => r.route)).toEqual(["B3", "B3", "B3", "S3"]);
  });
});

describe("generated world", () => {
  it("gives every match on both platforms at least the requested market instances", async () => {
    const world = await generateWorld({ seed: 5, matches: 6, marketsPerEvent: 120 });
    expect(world.matches).toHaveLength(6);
    for (const m of world.matches) {
      const sb = parseSportybetEvent({ bizCode: 10000, data: { markets: m.sportybet?.markets } }, m.srId);
      const b9 = parseBet9jaEvent({ R: "OK", D: { O: m.bet9ja?.odds } }, m.bet9jaId);
      expect(sb.sightings.length).toBeGreaterThanOrEqual(120);
      expect(b9.sightings.length).toBeGreaterThanOrEqual(120);
      expect(sb.dataErrors + b9.dataErrors).toBe(0);
    }
  });
});
