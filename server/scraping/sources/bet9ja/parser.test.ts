import { describe, expect, it } from "vitest";
import { MappingCache } from "@/server/mapping/cache";
import { builtinCatalog } from "@/server/mapping/catalog";
import { kindOf, sighting } from "../../parsers/test-sightings";
import { parseBet9jaEvent, parseBet9jaKey } from "./parser";

// BOOKMAKER-API.md 2.8, "B3 response", verbatim.
const B3_EXAMPLE = {
  R: "OK",
  D: {
    ID: "707096003",
    EXTID: "61300947",
    DS: "Alpha FC - Beta United",
    STARTDATE: "2030-01-05 15:00:00",
    GID: "170880",
    GN: "Premier League",
    SG: "England",
    O: {
      S_1X2_1: "2.05",
      S_1X2_X: "3.25",
      S_1X2_2: "3.50",
      "S_OU@2.5_O": "1.88",
      "S_OU@2.5_U": "1.92",
      S_ZZUNKNOWN_Y: "1.45",
      S_ZZUNKNOWN_N: "2.60",
    },
    MK: [
      { ID: "S_1X2", DS: "1X2", GCAT: "POPULAR", MARKETID: "1", SGN: ["1", "X", "2"], SGNK: ["1", "X", "2"] },
      { ID: "S_OU", DS: "Over/Under", GCAT: "GOAL", MARKETID: "2", SGN: ["Over", "Under"], SGNK: ["O", "U"] },
    ],
  },
};

// 2.8, "HAOU split example" (contents of D.O).
const HAOU_EXAMPLE = { "S_HAOU@1.5_OH": "2.00", "S_HAOU@1.5_UH": "1.75", "S_HAOU@1.5_OA": "2.80", "S_HAOU@1.5_UA": "1.40" };

function withOdds(odds: unknown, mk?: unknown): unknown {
  return { R: "OK", D: { ID: "1", EXTID: "2", O: odds, ...(mk === undefined ? {} : { MK: mk }) } };
}

describe("parseBet9jaKey", () => {
  it.each([
    ["S_1X2_1", "1X2", null, "1"],
    ["S_OU@2.5_O", "OU", "2.5", "O"],
    ["S_AH@-0.25_1", "AH", "-0.25", "1"],
    ["S_1X2HND@-1_1H", "1X2HND", "-1", "1H"],
    ["S_HTFT_1/1", "HTFT", null, "1/1"],
    ["S_CSFT_1:0", "CSFT", null, "1:0"],
    ["S_HAOU@1.5_OH", "HAOU", "1.5", "OH"],
    ["S_1X2MULTI3-4_1", "1X2MULTI3-4", null, "1"],
    // 2.6: the first `_` ends MARKET, so the docstring's form has no param and outcome `2.5_O`.
    ["S_OU_2.5_O", "OU", null, "2.5_O"],
    ["S_OU@2,5_O", "OU", "2,5", "O"],
    ["  S_1X2_X  ", "1X2", null, "X"],
  ])("%s -> market %s, param %s, outcome %s", (key, market, param, outcome) => {
    expect(parseBet9jaKey(key)).toEqual({ market, param, outcome });
  });

  it.each(["1X2_1", "s_1X2_1", "S_1x2_1", "S_", "S__", "S__X", "S_OU@_O", "S_1X2_", "S_1X2", "", "   "])("rejects %j", (key) => {
    expect(parseBet9jaKey(key)).toBeNull();
  });

  it("allows exactly 500 characters after trimming and rejects 501", () => {
    const at500 = `S_1X2_${"1".repeat(494)}`;
    expect(at500).toHaveLength(500);
    expect(parseBet9jaKey(` ${at500} `)).not.toBeNull();
    expect(parseBet9jaKey(`${at500}1`)).toBeNull();
  });
});

describe("parseBet9jaEvent", () => {
  it("parses the spec's B3 example into one sighting per market", () => {
    const result = parseBet9jaEvent(B3_EXAMPLE, "707096003");
    expect(result.dataErrors).toBe(0);
    expect(result.sightings).toEqual([
      sighting("bet9ja", "707096003", "S_1X2", "1X2", null, [
        ["1", 2.05],
        ["X", 3.25],
        ["2", 3.5],
      ]),
      sighting("bet9ja", "707096003", "S_OU", "Over/Under", "2.5", [
        ["O", 1.88],
        ["U", 1.92],
      ]),
      sighting("bet9ja", "707096003", "S_ZZUNKNOWN", "ZZUNKNOWN", null, [
        ["Y", 1.45],
        ["N", 2.6],
      ]),
    ]);
  });

  it("keeps the HAOU example as one sighting that the lookup maps", () => {
    const result = parseBet9jaEvent(withOdds(HAOU_EXAMPLE), "1");
    expect(result.sightings).toEqual([
      sighting("bet9ja", "1", "S_HAOU", "HAOU", "1.5", [
        ["OH", 2],
        ["UH", 1.75],
        ["OA", 2.8],
        ["UA", 1.4],
      ]),
    ]);
    expect(new MappingCache(builtinCatalog()).lookup(result.sightings[0])).toEqual({ mapped: true });
  });

  it("groups by (MARKET, PARAM): each line is its own sighting", () => {
    const result = parseBet9jaEvent(
      withOdds({ "S_OU@1.5_O": "1.3", "S_OU@2.5_O": "1.9", "S_OU@1.5_U": "3.2", "S_OU1T@0.5_O": "1.4" }),
      "1",
    );
    expect(result.sightings.map((s) => [s.externalMarketId, s.specifier, s.outcomes.length])).toEqual([
      ["S_OU", "1.5", 2],
      ["S_OU", "2.5", 1],
      ["S_OU1T", "0.5", 1],
    ]);
  });

  describe("envelope", () => {
    it("R E is not_found", () => {
      expect(kindOf(() => parseBet9jaEvent({ R: "E", D: null }, "1"))).toBe("not_found");
    });

    it.each([
      ["another R", { R: "X", D: {} }],
      ["no R", { D: {} }],
      ["a lower-case ok", { R: "ok", D: {} }],
      ["D missing", { R: "OK" }],
      ["D null", { R: "OK", D: null }],
      ["D an array", { R: "OK", D: [] }],
      ["a list body", [B3_EXAMPLE]],
      ["a string body", "<html></html>"],
    ])("%s is an api error", (_label, body) => {
      expect(kindOf(() => parseBet9jaEvent(body, "1"))).toBe("api");
    });

    it("accepts R D as success", () => {
      expect(parseBet9jaEvent({ ...B3_EXAMPLE, R: "D" }, "1").sightings).toHaveLength(3);
    });

    it("treats an absent, null or empty O as zero markets", () => {
      expect(parseBet9jaEvent({ R: "OK", D: {} }, "1")).toMatchObject({ sightings: [], dataErrors: 0 });
      expect(parseBet9jaEvent(withOdds(null), "1")).toMatchObject({ sightings: [], dataErrors: 0 });
      expect(parseBet9jaEvent(withOdds({}), "1")).toMatchObject({ sightings: [], dataErrors: 0 });
      expect(parseBet9jaEvent(withOdds(["S_1X2_1"]), "1")).toMatchObject({ sightings: [], dataErrors: 1 });
    });
  });

  describe("keys and values", () => {
    it("drops invalid keys, counting each", () => {
      const result = parseBet9jaEvent(
        withOdds({
          s_1X2_1: "2.0",
          S_1x2_1: "2.0",
          "1X2_1": "2.0",
          [`S_1X2_${"1".repeat(495)}`]: "2.0",
          S_GGNG_Y: "1.8",
        }),
        "1",
      );
      expect(result.dataErrors).toBe(4);
      expect(result.sightings.map((s) => s.externalMarketId)).toEqual(["S_GGNG"]);
    });

    it("records S_OU_2.5_O as a param-less S_OU, which the lookup then refuses", () => {
      const result = parseBet9jaEvent(withOdds({ "S_OU_2.5_O": "1.9" }), "1");
      expect(result.sightings).toMatchObject([{ externalMarketId: "S_OU", specifier: null, outcomes: [{ name: "2.5_O", odds: 1.9 }] }]);
      expect(new MappingCache(builtinCatalog()).lookup(result.sightings[0])).toEqual({
        mapped: false,
        reason: "UNKNOWN_PARAM_MARKET",
      });
    });

    it("accepts string and number odds, keeps 0, skips null and non-numeric", () => {
      const result = parseBet9jaEvent(withOdds({ S_1X2_1: 2.05, S_1X2_X: "0", S_1X2_2: null, S_DC_1X: "abc", S_DC_X2: true }), "1");
      expect(result.dataErrors).toBe(3);
      expect(result.sightings).toMatchObject([
        {
          externalMarketId: "S_1X2",
          outcomes: [
            { name: "1", odds: 2.05 },
            { name: "X", odds: 0 },
          ],
        },
        // Its keys were valid, so the market is sighted even with no usable outcome.
        { externalMarketId: "S_DC", outcomes: [] },
      ]);
    });

    it("names markets from D.MK and survives malformed MK", () => {
      for (const mk of [undefined, null, {}, "x", [null, 1, { ID: 5, DS: "n" }, { ID: "S_OU" }, { ID: "S_OU", DS: "" }]]) {
        const result = parseBet9jaEvent(withOdds({ "S_OU@2.5_O": "1.9" }, mk), "1");
        expect(result.sightings[0].name).toBe("OU");
      }
      const named = parseBet9jaEvent(withOdds({ "S_OU@2.5_O": "1.9" }, [{ ID: "S_OU", DS: "Over/Under" }]), "1");
      expect(named.sightings[0].name).toBe("Over/Under");
    });

    it("keeps hostile text verbatim and bounds outcome names", () => {
      const result = parseBet9jaEvent(
        withOdds({ [`S_XSS_${"<b>".repeat(100)}`]: "2.0" }, [{ ID: "S_XSS", DS: "<script>alert(1)</script>" }]),
        "1",
      );
      expect(result.sightings[0].name).toBe("<script>alert(1)</script>");
      expect(result.sightings[0].outcomes[0].name).toHaveLength(200);
    });
    it("cleans every string it hands on: no NUL, no lone surrogate, no control character", () => {
      const result = parseBet9jaEvent(
        withOdds({ "S_OU@2.\u00005_O\u0000ver": "1.9" }, [{ ID: "S_OU", DS: "Over\u0000/\ud800Under\tGoals" }]),
        "ev\u00001",
      );
      expect(result.sightings).toMatchObject([
        {
          eventId: "ev1",
          externalMarketId: "S_OU",
          name: "Over/\ufffdUnder Goals",
          specifier: "2.5",
          outcomes: [{ name: "Over", odds: 1.9 }],
        },
      ]);
      const onlyNul = parseBet9jaEvent(withOdds({ "S_OU@\u0000_O": "1.9" }), "1");
      expect(onlyNul.sightings[0].specifier).toBeNull();
    });
  });
});
