// SOURCES and the bookmaker settings: their defaults (their validation is in server/config.test.ts),
// and that buildSources wires each setting into a working source (checked against the fake
// bookmaker mounted under a path); and that the registry parses every platform's payloads with
// that bookmaker's own parser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { fakeMatch, fakeTournament, startFakeBookmaker, type FakeBookmaker } from "@/server/testing/fake-bookmaker";
import { PLATFORMS } from "@/lib/contract/enums";
import { SourceError } from "../errors";
import { buildSources, parseEvent } from "./index";

describe("bookmaker configuration", () => {
  it("has documented defaults", () => {
    expect(loadConfig({})).toMatchObject({
      SOURCES: ["demo"],
      SPORTYBET_BASE_URL: "https://www.sportybet.com",
      BET9JA_BASE_URL: "https://sports.bet9ja.com",
      SPORTYBET_TIMEOUT_MS: 15_000,
      SPORTYBET_CONCURRENCY: 10,
      SPORTYBET_PACING_MS: 0,
      BET9JA_TIMEOUT_MS: 15_000,
      BET9JA_CONCURRENCY: 8,
      BET9JA_PACING_MS: 25,
      SCRAPE_RETRIES: 2,
      SCRAPE_RETRY_BASE_MS: 1_000,
      SCRAPE_RETRY_MAX_MS: 10_000,
      SCRAPE_RETRY_AFTER_MAX_MS: 30_000,
      SCRAPE_EVENT_LIMIT: 0,
    });
  });

  it("parses every platform's event payloads with that bookmaker's parser", () => {
    for (const platform of PLATFORMS) {
      // The bookmaker's own envelope check, not "no parser": every platform has one registered.
      expect(() => parseEvent({ platform, body: "not an event" }, "e1"), platform).toThrow(SourceError);
    }
    const sportybet = parseEvent({ platform: "sportybet", body: { bizCode: 10000, data: { eventId: "sr:match:1", markets: [] } } }, "e1");
    expect(sportybet).toMatchObject({ sightings: [], dataErrors: 0, event: { matchId: "1" } });
  });

  it("selects any of demo, sportybet and bet9ja, in the order given", () => {
    const config = loadConfig({ SOURCES: " sportybet, demo ,bet9ja,sportybet" });
    expect(config.SOURCES).toEqual(["sportybet", "demo", "bet9ja"]);
    expect(buildSources(config).map((s) => s.name)).toEqual(["sportybet", "demo", "bet9ja"]);
  });
});

describe("buildSources with SportyBet and Bet9ja", () => {
  let fake: FakeBookmaker;
  const now = Date.now();
  beforeAll(async () => {
    const t = fakeTournament(17, "Premier League", "England");
    fake = await startFakeBookmaker({
      prefix: "/mirror",
      world: {
        tournaments: [t],
        matches: [fakeMatch(1, t, now + 7_200_000), fakeMatch(2, t, now + 3_600_000), fakeMatch(3, t, now + 10_800_000)],
      },
    });
  });
  afterAll(async () => fake?.close());

  const config = (env: Record<string, string> = {}) =>
    loadConfig({
      SOURCES: "sportybet,bet9ja",
      SPORTYBET_BASE_URL: `${fake.url}/`,
      BET9JA_BASE_URL: fake.url,
      SCRAPE_RETRY_BASE_MS: "0",
      ...env,
    });

  it("aims each source at its base URL, keeping the base URL's path, and applies SCRAPE_EVENT_LIMIT", async () => {
    const [sportybet, bet9ja] = buildSources(config({ SCRAPE_EVENT_LIMIT: "2" }));
    const signal = new AbortController().signal;
    const sb = await sportybet.discover(signal);
    const b9 = await bet9ja.discover(signal);
    expect(sb.map((e) => e.ref)).toEqual(["sr:match:61300002", "sr:match:61300001"]);
    expect(b9.map((e) => e.ref)).toEqual(["707096002", "707096001"]);
    expect((await sportybet.fetchEvent(sb[0], signal)).body).toMatchObject({ bizCode: 10000 });
    expect((await bet9ja.fetchEvent(b9[0], signal)).body).toMatchObject({ R: "OK" });
    expect(fake.requests.every((r) => r.route !== null)).toBe(true);
  });

  it("applies SCRAPE_RETRIES", async () => {
    fake.resetLog();
    fake.fault({ route: "S1", respond: { kind: "status", status: 500 } });
    const [sportybet] = buildSources(config({ SCRAPE_RETRIES: "4" }));
    await expect(sportybet.discover(new AbortController().signal)).rejects.toThrow("HTTP 500 (after 5 attempts)");
    expect(fake.requestsTo("S1")).toHaveLength(5);
    fake.clearFaults();
  });
});
