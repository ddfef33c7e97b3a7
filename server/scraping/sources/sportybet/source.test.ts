// The SportyBet source against the fake bookmaker: what goes on the wire (paths, headers, query,
// the S2 JSON body), what discovery keeps, and how failures of the tree, of one tournament and of
// every tournament surface.
import { describe, expect, it } from "vitest";
import {
  fakeMatch,
  TEST_TOURNAMENTS,
  recordingReport,
  sportyMarket,
  useFakeBookmaker,
  type FakeWorld,
} from "@/server/testing/fake-bookmaker";
import { s3 } from "@/server/testing/fake-bookmaker/payloads";
import { SourceError } from "../../errors";
import { createSportybetSource, SPORTYBET_HEADERS } from "./source";

const HOUR = 3_600_000;
const now = Date.now();
const { premier, cup, nba } = TEST_TOURNAMENTS;

function world(): FakeWorld {
  return {
    tournaments: [premier, cup, nba],
    matches: [
      fakeMatch(1, premier, now + 5 * HOUR, {
        sportybet: {
          markets: [
            sportyMarket("1", "1X2", [
              ["Home", "2.10"],
              ["Draw", "3.30"],
              ["Away", "3.40"],
            ]),
          ],
        },
      }),
      fakeMatch(2, premier, now + 2 * HOUR),
      fakeMatch(3, cup, now + 3 * HOUR),
      // Already started, or with kick-offs the reference cannot read: all skipped.
      fakeMatch(4, premier, now - 60_000),
      fakeMatch(5, premier, 0, { sportybet: { markets: [], listing: { estimateStartTime: Math.floor((now + HOUR) / 1000) } } }),
      fakeMatch(6, premier, 0, { sportybet: { markets: [], listing: { estimateStartTime: String(now + HOUR) } } }),
      fakeMatch(7, premier, 0, { sportybet: { markets: [], listing: { estimateStartTime: 0 } } }),
      fakeMatch(8, cup, now + HOUR, { sportybet: { markets: [], listing: { eventId: "sr:season:8" } } }),
      fakeMatch(9, cup, now + HOUR, { sportybet: { markets: [], listing: { eventId: 61_300_009 } } }),
      fakeMatch(10, cup, now + HOUR, { sportybet: { markets: [], listing: { estimateStartTime: undefined } } }),
      // A float kick-off is fine.
      fakeMatch(11, cup, now + 4 * HOUR + 0.5),
      fakeMatch(12, nba, now + HOUR),
    ],
  };
}

describe("SportyBet source", () => {
  const bookmaker = useFakeBookmaker(world, createSportybetSource);
  const { source, live } = bookmaker;

  it("asks for the football tree, then each football tournament once, with the spec's headers and parameters", async () => {
    const before = Date.now();
    await source().discover(live());
    const after = Date.now();
    const [tree, ...lists] = bookmaker.fake.requests;
    expect(tree).toMatchObject({ route: "S1", method: "GET", query: { sportId: "sr:sport:1", timeline: "", productId: "3" } });
    expect(tree.rawQuery).toMatch(/^sportId=sr%3Asport%3A1&timeline=&productId=3&_t=\d+$/);
    expect(Number(tree.query._t)).toBeGreaterThanOrEqual(before);
    expect(Number(tree.query._t)).toBeLessThanOrEqual(after);
    for (const [name, value] of Object.entries(SPORTYBET_HEADERS)) expect(tree.headers[name]).toBe(value);
    expect(tree.headers).toMatchObject({ clientid: "web", operid: "2", platform: "web", "accept-language": "en", accept: "*/*" });
    for (const absent of ["cookie", "referer", "origin", "content-type"]) expect(tree.headers[absent]).toBeUndefined();

    expect(lists.map((r) => r.key).sort()).toEqual(["sr:tournament:17", "sr:tournament:9001"]);
    for (const r of lists) {
      expect(r).toMatchObject({ route: "S2", method: "POST", rawQuery: "" });
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers.clientid).toBe("web");
      expect(r.body).toEqual([{ sportId: "sr:sport:1", marketId: "1,18,10,29,11,26,36,14", tournamentId: [[r.key]] }]);
    }
  });

  it("keeps upcoming football events with readable ids and kick-offs, soonest first", async () => {
    const events = await source().discover(live());
    expect(events.map((e) => e.ref)).toEqual(["sr:match:61300002", "sr:match:61300003", "sr:match:61300011", "sr:match:61300001"]);
    expect(events[0]).toEqual({ source: "sportybet", ref: "sr:match:61300002", startsAt: new Date(now + 2 * HOUR) });
  });

  it("caps the events of a cycle at SCRAPE_EVENT_LIMIT, soonest kick-off first", async () => {
    const events = await source({ eventLimit: 2 }).discover(live());
    expect(events.map((e) => e.ref)).toEqual(["sr:match:61300002", "sr:match:61300003"]);
  });

  it("reports progress as each tournament request finishes", async () => {
    const { report, progress, errors } = recordingReport();
    await source({ concurrency: 1 }).discover(live(), report);
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(errors).toEqual([]);
  });

  it("fetches an event with eventId, productId and _t, and returns the whole response", async () => {
    const src = source();
    const [first] = await src.discover(live());
    bookmaker.fake.resetLog();
    const payload = await src.fetchEvent({ ...first, ref: "sr:match:61300001" }, live());
    expect(payload).toEqual({ platform: "sportybet", body: s3(bookmaker.fake.world, "sr:match:61300001") });
    expect(bookmaker.fake.requests).toHaveLength(1);
    expect(bookmaker.fake.requests[0]).toMatchObject({
      route: "S3",
      method: "GET",
      query: { eventId: "sr:match:61300001", productId: "3" },
    });
    expect(bookmaker.fake.requests[0].rawQuery).toMatch(/^eventId=sr%3Amatch%3A61300001&productId=3&_t=\d{13}$/);
  });

  it("hands an unknown event's envelope to the parser untouched", async () => {
    const payload = await source().fetchEvent({ source: "sportybet", ref: "sr:match:1", startsAt: new Date(now + HOUR) }, live());
    expect(payload.body).toEqual({ bizCode: 19999, message: "Event not found", data: null });
  });

  it("survives a failing tournament: reports it and keeps the others' events", async () => {
    bookmaker.fake.fault({ route: "S2", key: "sr:tournament:17", respond: { kind: "status", status: 500 } });
    const { report, errors, progress } = recordingReport();
    const events = await source().discover(live(), report);
    expect(events.map((e) => e.ref)).toEqual(["sr:match:61300003", "sr:match:61300011"]);
    expect(errors).toEqual(["tournament sr:tournament:17: SportyBet POST /api/ng/factsCenter/pcEvents: HTTP 500 (after 3 attempts)"]);
    expect(progress.at(-1)).toEqual([2, 2]);
    expect(bookmaker.fake.requestsTo("S2").filter((r) => r.key === "sr:tournament:17")).toHaveLength(3);
  });

  it.each([
    ['bizCode as the string "10000"', { bizCode: "10000", message: "0#0", data: [] }, 'bizCode="10000"'],
    ["a failure bizCode", { bizCode: 4001, message: "Bad tournament", data: null }, "bizCode=4001: Bad tournament"],
    ["a JSON array", [1, 2], "body is not a JSON object"],
  ])("reports a tournament answering with %s, without retrying", async (_, body, text) => {
    bookmaker.fake.fault({ route: "S2", key: "sr:tournament:9001", respond: { kind: "json", body } });
    const { report, errors } = recordingReport();
    const events = await source().discover(live(), report);
    expect(events).toHaveLength(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("tournament sr:tournament:9001: SportyBet events of sr:tournament:9001");
    expect(errors[0]).toContain(text);
    expect(bookmaker.fake.requestsTo("S2")).toHaveLength(2);
  });

  it.each([
    ["no data", { bizCode: 10000, message: "0#0" }],
    ["empty data", { bizCode: 10000, message: "0#0", data: [] }],
    ["data[0] without events", { bizCode: 10000, message: "0#0", data: [{ id: "sr:tournament:9001" }] }],
    ["empty events", { bizCode: 10000, message: "0#0", data: [{ id: "sr:tournament:9001", events: [] }] }],
  ])("reads a tournament with %s as having no events, not as an error", async (_, body) => {
    bookmaker.fake.fault({ route: "S2", key: "sr:tournament:9001", respond: { kind: "json", body } });
    const { report, errors } = recordingReport();
    expect((await source().discover(live(), report)).map((e) => e.ref)).toEqual(["sr:match:61300002", "sr:match:61300001"]);
    expect(errors).toEqual([]);
  });

  it("fails the source when every tournament fails", async () => {
    bookmaker.fake.fault({ route: "S2", respond: { kind: "raw", body: "<html>maintenance</html>" } });
    const { report, errors } = recordingReport();
    const e = await source()
      .discover(live(), report)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).message).toMatch(/^all 2 event lists failed; first: tournament sr:tournament:\d+: SportyBet POST/);
    expect(errors).toHaveLength(2);
  });

  it.each([
    ["HTTP 503 every time", { kind: "status", status: 503 } as const, "HTTP 503 (after 3 attempts)", 3],
    [
      'bizCode "10000" as a string',
      { kind: "json", body: { bizCode: "10000", message: "0#0", data: { sportList: [] } } } as const,
      'bizCode="10000"',
      1,
    ],
    ["no data", { kind: "json", body: { bizCode: 10000, message: "0#0" } } as const, "data.sportList is missing", 1],
    ["data null", { kind: "json", body: { bizCode: 10000, message: "0#0", data: null } } as const, "data.sportList is missing", 1],
    ["a body that is not JSON", { kind: "raw", body: '{"bizCode":10000,' } as const, "body is not JSON", 1],
  ])("fails the whole source when the tree answers with %s", async (_, respond, text, attempts) => {
    bookmaker.fake.fault({ route: "S1", respond });
    const e = await source()
      .discover(live())
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect((e as Error).message).toContain(text);
    expect(bookmaker.fake.requestsTo("S1")).toHaveLength(attempts);
    expect(bookmaker.fake.requestsTo("S2")).toHaveLength(0);
  });

  it("stops discovery when the run is aborted", async () => {
    bookmaker.fake.fault({ route: "S2", respond: { kind: "hang" } });
    const abort = new AbortController();
    const pending = source().discover(abort.signal);
    setTimeout(() => abort.abort(new Error("stopping")), 50);
    await expect(pending).rejects.toThrow("stopping");
  });
});
