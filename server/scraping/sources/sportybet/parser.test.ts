import { describe, expect, it } from "vitest";
import { kindOf, sighting } from "../../parsers/test-sightings";
import { parseSportybetEvent } from "./parser";

// BOOKMAKER-API.md 1.9, "S3 response", verbatim.
const S3_EXAMPLE = {
  bizCode: 10000,
  message: "0#0",
  data: {
    eventId: "sr:match:61300947",
    gameId: "21457",
    productStatus: "0#0",
    estimateStartTime: 1893855600000,
    status: 0,
    matchStatus: "Not start",
    homeTeamId: "sr:competitor:35",
    homeTeamName: "Alpha FC",
    awayTeamId: "sr:competitor:17",
    awayTeamName: "Beta United",
    sport: {
      id: "sr:sport:1",
      name: "Football",
      category: {
        id: "sr:category:1",
        name: "England",
        tournament: { id: "sr:tournament:17", name: "Premier League" },
      },
    },
    markets: [
      {
        id: "1",
        product: 3,
        desc: "1X2",
        name: "1X2",
        group: "Main",
        status: 0,
        favourite: 1,
        banned: false,
        sourceType: "BET_RADAR",
        lastOddsChangeTime: 1893800000000,
        outcomes: [
          { id: "1", odds: "2.10", probability: "0.4520", voidProbability: "0E-10", isActive: 1, desc: "Home" },
          { id: "2", odds: "3.30", probability: "0.2810", voidProbability: "0E-10", isActive: 0, desc: "Draw" },
          { id: "3", odds: "3.40", probability: "0.2670", voidProbability: "0E-10", isActive: 1, desc: "Away" },
        ],
      },
      {
        id: "18",
        product: 3,
        desc: "Over/Under",
        specifier: "total=2.5",
        status: 0,
        favourite: 0,
        banned: false,
        outcomes: [
          { id: "12", odds: "1.85", probability: "0.5200", isActive: 1, desc: "Over 2.5" },
          { id: "13", odds: "1.95", probability: "0.4800", isActive: 1, desc: "Under 2.5" },
        ],
      },
      {
        id: "999999",
        product: 3,
        desc: "Example Unknown Market",
        status: 0,
        favourite: 0,
        banned: false,
        outcomes: [
          { id: "1", odds: "1.50", probability: "0.6500", isActive: 1, desc: "Yes" },
          { id: "2", odds: "2.40", probability: "0.3500", isActive: 1, desc: "No" },
        ],
      },
    ],
  },
};

function withMarkets(markets: unknown): unknown {
  return { bizCode: 10000, message: "0#0", data: { eventId: "sr:match:1", markets } };
}

function market(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    id: "1",
    product: 3,
    desc: "1X2",
    status: 0,
    favourite: 0,
    banned: false,
    outcomes: [{ id: "1", odds: "2.10", probability: "0.45", isActive: 1, desc: "Home" }],
    ...overrides,
  };
}

describe("parseSportybetEvent", () => {
  it("parses the spec's S3 example into one sighting per market", () => {
    const result = parseSportybetEvent(S3_EXAMPLE, "sr:match:61300947");
    expect(result.dataErrors).toBe(0);
    expect(result.sightings).toEqual([
      // The suspended draw is still a sighted outcome with its odds.
      sighting("sportybet", "sr:match:61300947", "1", "1X2", null, [
        ["Home", 2.1],
        ["Draw", 3.3],
        ["Away", 3.4],
      ]),
      sighting("sportybet", "sr:match:61300947", "18", "Over/Under", "total=2.5", [
        ["Over 2.5", 1.85],
        ["Under 2.5", 1.95],
      ]),
      sighting("sportybet", "sr:match:61300947", "999999", "Example Unknown Market", null, [
        ["Yes", 1.5],
        ["No", 2.4],
      ]),
    ]);
  });

  it("makes each specifier its own sighting", () => {
    const result = parseSportybetEvent(
      withMarkets([market({ id: "18", specifier: "total=1.5" }), market({ id: "18", specifier: "total=2.5" })]),
      "e",
    );
    expect(result.sightings.map((s) => s.specifier)).toEqual(["total=1.5", "total=2.5"]);
  });

  describe("envelope", () => {
    it.each([
      ["the string bizCode", { bizCode: "10000", message: "0#0", data: { markets: [] } }],
      ["the spec's not-found example", { bizCode: 19999, message: "Event not found", data: null }],
      ["a missing bizCode", { message: "x", data: { markets: [] } }],
      ["data: null", { bizCode: 10000, message: "0#0", data: null }],
    ])("%s is not_found", (_label, body) => {
      expect(kindOf(() => parseSportybetEvent(body, "e"))).toBe("not_found");
    });

    it.each([
      ["an array body", [S3_EXAMPLE]],
      ["an HTML string", "<html>blocked</html>"],
      ["null", null],
      ["a missing data key", { bizCode: 10000, message: "0#0" }],
      ["an array data", { bizCode: 10000, message: "0#0", data: [] }],
      ["markets: null", withMarkets(null)],
      ["markets as an object", withMarkets({ 0: market({}) })],
    ])("%s is an api error", (_label, body) => {
      expect(kindOf(() => parseSportybetEvent(body, "e"))).toBe("api");
    });

    it("treats missing or empty markets as zero sightings", () => {
      const missing = { bizCode: 10000, message: "0#0", data: { eventId: "sr:match:1" } };
      expect(parseSportybetEvent(missing, "e")).toMatchObject({ sightings: [], dataErrors: 0 });
      expect(parseSportybetEvent(withMarkets([]), "e")).toMatchObject({ sightings: [], dataErrors: 0 });
    });
  });

  describe("lenient markets", () => {
    it("skips markets without a string id or desc, counting each", () => {
      const result = parseSportybetEvent(
        withMarkets([
          market({ id: 1 }),
          market({ id: "" }),
          market({ desc: undefined }),
          market({ desc: null }),
          "not a market",
          market({ id: "29" }),
        ]),
        "e",
      );
      expect(result.dataErrors).toBe(5);
      expect(result.sightings.map((s) => s.externalMarketId)).toEqual(["29"]);
    });

    it("skips outcomes with unusable odds or desc but keeps the market", () => {
      const result = parseSportybetEvent(
        withMarkets([
          market({
            outcomes: [
              { id: "1", odds: 2.1, probability: "0.4", isActive: 1, desc: "Home" },
              { id: "2", odds: null, probability: "0.3", isActive: 1, desc: "Draw" },
              { id: "3", odds: "abc", probability: "0.3", isActive: 1, desc: "Away" },
              { id: "4", odds: "", probability: "0.3", isActive: 1, desc: "Away" },
              { id: "5", odds: "1.50", probability: "0.3", isActive: 1, desc: 7 },
              { id: "6", odds: "3.40", probability: "0.3", isActive: 0, desc: "Away" },
            ],
          }),
        ]),
        "e",
      );
      expect(result.dataErrors).toBe(5);
      expect(result.sightings).toHaveLength(1);
      expect(result.sightings[0].outcomes).toEqual([{ name: "Away", odds: 3.4 }]);
    });

    it("gives a market whose outcomes are not an array zero outcomes and one dataError", () => {
      const result = parseSportybetEvent(withMarkets([market({ outcomes: null })]), "e");
      expect(result).toMatchObject({ dataErrors: 1, sightings: [{ outcomes: [] }] });
    });

    it("normalises specifiers: empty or over 1000 characters means none", () => {
      const long = `total=${"9".repeat(995)}`;
      const result = parseSportybetEvent(
        withMarkets([
          market({ specifier: "" }),
          market({ specifier: null }),
          market({ specifier: long }),
          market({ specifier: long.slice(0, 1000) }),
          market({ specifier: 2.5 }),
        ]),
        "e",
      );
      expect(result.sightings.map((s) => s.specifier)).toEqual([null, null, null, long.slice(0, 1000), null]);
      expect(result.dataErrors).toBe(1);
    });

    it("falls back to name, then id, when desc is blank", () => {
      const result = parseSportybetEvent(withMarkets([market({ desc: "", name: "From name" }), market({ desc: " " })]), "e");
      expect(result.sightings.map((s) => s.name)).toEqual(["From name", "1"]);
    });

    it("keeps scraped text verbatim but bounded", () => {
      const hostile = "<script>alert(1)</script>";
      const result = parseSportybetEvent(
        withMarkets([
          market({
            desc: hostile + "x".repeat(600),
            outcomes: [{ id: "1", odds: "2.00", probability: "0.5", isActive: 1, desc: "<img src=x onerror=alert(1)>" + "y".repeat(300) }],
          }),
        ]),
        "e",
      );
      const [sighting] = result.sightings;
      expect(sighting.name).toHaveLength(500);
      expect(sighting.name.startsWith(hostile)).toBe(true);
      expect(sighting.outcomes[0].name).toHaveLength(200);
      expect(sighting.outcomes[0].name.startsWith("<img src=x onerror=alert(1)>")).toBe(true);
    });

    it("never splits a surrogate pair when truncating", () => {
      const result = parseSportybetEvent(withMarkets([market({ desc: "⚽".repeat(600) })]), "e");
      expect(Array.from(result.sightings[0].name)).toHaveLength(500);
    });
    it("cleans every string it hands on: no NUL, no lone surrogate, no control character", () => {
      const result = parseSportybetEvent(
        withMarkets([
          market({
            id: "1\u00008",
            desc: "Over\u0000/\ud800Under\r\n",
            specifier: "total=\u00002.5",
            outcomes: [{ id: "1", odds: "1.9", desc: "Ov\u0000er\u001b" }],
          }),
          market({ id: "\u0000" }),
          market({ id: "2", desc: "\u0000", name: "Named\u0000" }),
        ]),
        "sr:match:\u00001",
      );
      expect(result.dataErrors).toBe(1);
      expect(result.sightings).toMatchObject([
        {
          eventId: "sr:match:1",
          externalMarketId: "18",
          name: "Over/\ufffdUnder  ",
          specifier: "total=2.5",
          outcomes: [{ name: "Over ", odds: 1.9 }],
        },
        { externalMarketId: "2", name: "Named" },
      ]);
      const bad = (() => {
        try {
          parseSportybetEvent({ bizCode: 1, message: "gone\u0000" }, "e\u0000");
        } catch (e) {
          return (e as Error).message;
        }
      })();
      expect(bad).toBe("SportyBet e: bizCode=1: gone");
    });
  });
});
