// The Bet9ja source against the fake bookmaker: the wire format of B1-B3, what discovery keeps
// (Soccer only, "YYYY-MM-DD HH:MM:SS" UTC kick-offs in the future, an ID and an EXTID), and how
// failures of the tree, of one group and of every group surface.
import { describe, expect, it } from "vitest";
import {
  bet9jaTime,
  fakeMatch,
  TEST_TOURNAMENTS,
  recordingReport,
  useFakeBookmaker,
  type FakeWorld,
} from "@/server/testing/fake-bookmaker";
import { b3 } from "@/server/testing/fake-bookmaker/payloads";
import { SourceError } from "../../errors";
import { BET9JA_HEADERS, createBet9jaSource, parseBet9jaStart } from "./source";

const HOUR = 3_600_000;
// Whole seconds: Bet9ja kick-offs have no milliseconds.
const now = Math.floor(Date.now() / 1000) * 1000;
const { premier, cup, nba } = TEST_TOURNAMENTS;
const listing = (fields: Record<string, unknown>) => ({ odds: {}, listing: fields });

function world(): FakeWorld {
  return {
    tournaments: [premier, cup, nba],
    matches: [
      fakeMatch(1, premier, now + 5 * HOUR, { bet9ja: { odds: { S_1X2_1: "2.05" }, mk: [{ ID: "S_1X2", DS: "1X2" }] } }),
      fakeMatch(2, premier, now + 2 * HOUR),
      fakeMatch(3, cup, now + 3 * HOUR),
      // A numeric ID is used as its decimal text.
      fakeMatch(4, cup, now + 4 * HOUR, { bet9ja: listing({ ID: 707_096_004 }) }),
      fakeMatch(5, premier, now - 60_000),
      fakeMatch(6, premier, 0, { bet9ja: listing({ STARTDATE: new Date(now + HOUR).toISOString() }) }),
      fakeMatch(7, premier, 0, { bet9ja: listing({ STARTDATE: bet9jaTime(now + HOUR).slice(0, 16) }) }),
      fakeMatch(8, premier, 0, { bet9ja: listing({ STARTDATE: "2099-02-30 15:00:00" }) }),
      fakeMatch(9, cup, now + HOUR, { bet9ja: listing({ EXTID: "" }) }),
      fakeMatch(10, cup, now + HOUR, { bet9ja: listing({ EXTID: null }) }),
      fakeMatch(11, cup, now + HOUR, { bet9ja: listing({ ID: null }) }),
      fakeMatch(12, cup, now + HOUR, { bet9ja: listing({ STARTDATE: now + HOUR }) }),
      fakeMatch(13, nba, now + HOUR),
    ],
  };
}

describe("parseBet9jaStart", () => {
  it("reads YYYY-MM-DD HH:MM:SS as UTC and nothing else", () => {
    expect(parseBet9jaStart("2030-01-05 15:00:00")).toEqual(new Date("2030-01-05T15:00:00Z"));
    for (const bad of [
      "2030-01-05T15:00:00",
      "2030-01-05 15:00",
      "2030-01-05 15:00:00Z",
      "2030-13-05 15:00:00",
      "2030-02-29 10:00:00",
      "2030-01-05 24:00:00",
      1893855600000,
      null,
    ]) {
      expect(parseBet9jaStart(bad), String(bad)).toBeNull();
    }
  });
});

describe("Bet9ja source", () => {
  const bookmaker = useFakeBookmaker(world, createBet9jaSource);
  const { source, live } = bookmaker;

  it("asks for the sports tree, then each Soccer group once, with the spec's headers and parameters", async () => {
    await source().discover(live());
    const [tree, ...groups] = bookmaker.fake.requests;
    expect(tree).toMatchObject({ route: "B1", method: "GET", rawQuery: "DISP=0&v_cache_version=1.301.2.225" });
    for (const [name, value] of Object.entries(BET9JA_HEADERS)) expect(tree.headers[name]).toBe(value);
    expect(tree.headers["accept-language"]).toBe("en-GB,en-US;q=0.9,en;q=0.8");
    for (const absent of ["cookie", "referer", "origin", "clientid", "platform", "operid"]) expect(tree.headers[absent]).toBeUndefined();

    expect(groups.map((r) => r.key).sort()).toEqual([premier.groupId, cup.groupId].sort());
    for (const r of groups) {
      expect(r).toMatchObject({ route: "B2", method: "GET" });
      expect(r.rawQuery).toBe(`GROUPID=${r.key}&DISP=0&GROUPMARKETID=1&v_cache_version=1.301.2.225`);
    }
  });

  it("keeps upcoming events with an ID, an EXTID and a readable kick-off, soonest first", async () => {
    const events = await source().discover(live());
    expect(events.map((e) => e.ref)).toEqual(["707096002", "707096003", "707096004", "707096001"]);
    expect(events[0]).toEqual({ source: "bet9ja", ref: "707096002", startsAt: new Date(now + 2 * HOUR), matchId: "61300002" });
  });

  it("caps the events of a cycle at SCRAPE_EVENT_LIMIT, soonest kick-off first", async () => {
    expect((await source({ eventLimit: 3 }).discover(live())).map((e) => e.ref)).toEqual(["707096002", "707096003", "707096004"]);
  });

  it("reports progress as each group request finishes", async () => {
    const { report, progress } = recordingReport();
    await source({ concurrency: 1 }).discover(live(), report);
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  });

  it("fetches an event by its ID and returns the whole response", async () => {
    const payload = await source().fetchEvent({ source: "bet9ja", ref: "707096001", startsAt: new Date(now + HOUR) }, live());
    expect(payload).toEqual({ platform: "bet9ja", body: b3(bookmaker.fake.world, "707096001") });
    expect(bookmaker.fake.requests[0]).toMatchObject({ route: "B3", rawQuery: "EVENTID=707096001&v_cache_version=1.301.2.225" });
  });

  it("hands an unknown event's envelope to the parser untouched", async () => {
    const payload = await source().fetchEvent({ source: "bet9ja", ref: "1", startsAt: new Date(now + HOUR) }, live());
    expect(payload.body).toEqual({ R: "E", D: null });
  });

  it.each([
    ['R "E"', { R: "E", D: null }, 'R="E"'],
    ['R "X"', { R: "X", D: {} }, 'R="X"'],
    ['R "D" (only B3 accepts it)', { R: "D", D: { E: [] } }, 'R="D"'],
    ["D.E that is not a list", { R: "OK", D: { E: {} } }, "D.E is not a list"],
    ["no D", { R: "OK" }, "D is missing"],
  ])("reports a group answering with %s and keeps the other's events", async (_, body, text) => {
    bookmaker.fake.fault({ route: "B2", key: cup.groupId, respond: { kind: "json", body } });
    const { report, errors } = recordingReport();
    expect((await source().discover(live(), report)).map((e) => e.ref)).toEqual(["707096002", "707096001"]);
    expect(errors).toEqual([
      `group ${cup.groupId}: Bet9ja events of group ${cup.groupId}: ${text}${text.startsWith("D ") ? " or not an object" : ""}`,
    ]);
    expect(bookmaker.fake.requestsTo("B2")).toHaveLength(2);
  });

  it("reads a group without D.E as having no events", async () => {
    bookmaker.fake.fault({ route: "B2", key: cup.groupId, respond: { kind: "json", body: { R: "OK", D: {} } } });
    const { report, errors } = recordingReport();
    expect(await source().discover(live(), report)).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it("retries a group that times out, then reports it", async () => {
    bookmaker.fake.fault({ route: "B2", key: premier.groupId, respond: { kind: "hang" } });
    const { report, errors } = recordingReport();
    // The hanging group times out; the others answer well inside 1 s even on a busy machine.
    const events = await source({ timeoutMs: 1_000 }).discover(live(), report);
    expect(events.map((e) => e.ref)).toEqual(["707096003", "707096004"]);
    expect(errors).toEqual([
      `group ${premier.groupId}: Bet9ja GET /desktop/feapi/PalimpsestAjax/GetEventsInGroupV2: no complete response within 1000 ms (after 3 attempts)`,
    ]);
  });

  it("fails the source when every group fails", async () => {
    bookmaker.fake.fault({ route: "B2", respond: { kind: "status", status: 404 } });
    const e = await source()
      .discover(live(), recordingReport().report)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect((e as Error).message).toContain("all 2 event lists failed");
    expect(bookmaker.fake.requestsTo("B2")).toHaveLength(2);
  });

  it.each([
    ['R "E"', { R: "E", D: null }, 'R="E"'],
    ['R "D"', { R: "D", D: { PAL: {} } }, 'R="D"'],
    ["no D.PAL", { R: "OK", D: {} }, "D.PAL is not an object"],
    ["no Soccer", { R: "OK", D: { PAL: { "2": { SG: {} } } } }, "no Soccer"],
    ["Soccer SG as a list", { R: "OK", D: { PAL: { "1": { SG: [] } } } }, "Soccer SG is not an object"],
    ["a top-level list", [{ R: "OK" }], "body is not a JSON object"],
  ])("fails the whole source when the tree answers with %s", async (_, body, text) => {
    bookmaker.fake.fault({ route: "B1", respond: { kind: "json", body } });
    const e = await source()
      .discover(live())
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect((e as Error).message).toContain(text);
    expect(bookmaker.fake.requestsTo("B1")).toHaveLength(1);
    expect(bookmaker.fake.requestsTo("B2")).toHaveLength(0);
  });
});
