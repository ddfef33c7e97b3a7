import { describe, expect, it } from "vitest";
import type { Sighting } from "@/server/scraping/types";
import { MappingCache } from "./cache";
import { builtinCatalog, mergeMappings, type MappingEntry } from "./catalog";
import { userEntry } from "@/server/testing/mapping-entry";

function sb(id: string, specifier: string | null, outcomes: string[]): Sighting {
  return {
    source: "sportybet",
    eventId: "sr:match:1",
    externalMarketId: id,
    name: id,
    specifier,
    outcomes: outcomes.map((name) => ({ name, odds: 1.9 })),
  };
}

function b9(key: string, param: string | null, suffixes: string[]): Sighting {
  return { ...sb(key, param, suffixes), source: "bet9ja", eventId: "707096003" };
}

function reason(cache: MappingCache, s: Sighting): string {
  const result = cache.lookup(s);
  return result.mapped ? "MAPPED" : result.reason;
}

const cache = new MappingCache(builtinCatalog());

describe("SportyBet lookup", () => {
  it("maps the spec's S3 example and drops its unknown market", () => {
    expect(reason(cache, sb("1", null, ["Home", "Draw", "Away"]))).toBe("MAPPED");
    // "Over 2.5" is not "Over": it maps by position (1.8 step 3).
    expect(reason(cache, sb("18", "total=2.5", ["Over 2.5", "Under 2.5"]))).toBe("MAPPED");
    expect(reason(cache, sb("999999", null, ["Yes", "No"]))).toBe("UNKNOWN_MARKET");
  });

  it("reports UNSUPPORTED_PLATFORM for an entry without a betpawa id", () => {
    expect(reason(cache, sb("12", null, ["Yes", "No"]))).toBe("UNSUPPORTED_PLATFORM");
    expect(reason(cache, sb("900069", "from=1|to=5", ["Home", "Draw", "Away"]))).toBe("UNSUPPORTED_PLATFORM");
  });

  it.each([
    ["1", "foo=1"],
    ["1", "total=2.5"],
    ["1", "nonsense"],
    ["18", "total=abc"],
    ["18", "total=2,5"],
    ["18", "hcp=0:1"],
    ["16", "hcp=a:1"],
    ["16", "hcp=1:2:3"],
    ["16", "total=2.5"],
    ["14", "hcp=:1"],
    ["21", "total=2.5"],
  ])("reports UNKNOWN_PARAM_MARKET for id %s with %s", (id, specifier) => {
    expect(reason(cache, sb(id, specifier, ["Home", "Draw", "Away"]))).toBe("UNKNOWN_PARAM_MARKET");
  });

  it.each([
    ["18", "total=2.5"],
    ["18", "TOTAL = 3.5"],
    ["18", "a=1|total=1.5"],
    ["36", "total=2.5"],
    ["900300", "total=9.5"],
    ["14", "hcp=0:1"],
    ["16", "hcp=-0.5"],
    ["16", "hcp=0"],
    ["21", "variant=sr:exact_goals:6+"],
    ["548", "variant=sr:goal_range:7+"],
    ["105", "from=1|to=10"],
    ["105", "whatever"],
    ["1", ""],
    ["1", "   "],
    ["1", `foo=${"x".repeat(1000)}`],
  ])("understands id %s with specifier %s", (id, specifier) => {
    const outcomes = ["Home", "Draw", "Away", "Over", "Under", "0"];
    expect(reason(cache, sb(id, specifier, outcomes))).toBe("MAPPED");
  });

  it("matches outcome descs case-insensitively, then by position", () => {
    expect(reason(cache, sb("1", null, ["HOME"]))).toBe("MAPPED");
    expect(reason(cache, sb("1", null, ["anything"]))).toBe("MAPPED");
    // Index 3 has no mapping position in 1X2 (0-2), and "1" / "X" are betpawa names, not descs.
    const beyond = sb("1", null, ["x", "y", "z", "1"]);
    beyond.outcomes = beyond.outcomes.map((o, i) => (i < 3 ? { ...o, odds: null } : o));
    expect(reason(cache, beyond)).toBe("NO_MATCHING_OUTCOMES");
  });

  it("reports NO_MATCHING_OUTCOMES when no outcome maps", () => {
    expect(reason(cache, sb("1", null, []))).toBe("NO_MATCHING_OUTCOMES");
    // corners_exact_ft has one outcome at position 0 with no betpawa name.
    expect(reason(cache, sb("169", null, ["8", "9", "10"]))).toBe("NO_MATCHING_OUTCOMES");
    // exact_goals_1h: desc "2" matches an outcome with no betpawa name, and that decides it: no
    // fall-back to position 0 ("0", which has a name).
    expect(reason(cache, sb("71", "variant=sr:exact_goals:2+", ["2"]))).toBe("NO_MATCHING_OUTCOMES");
    expect(reason(cache, sb("71", "variant=sr:exact_goals:2+", ["zero"]))).toBe("MAPPED");
    const noOdds = sb("1", null, ["Home"]);
    noOdds.outcomes[0].odds = null;
    expect(reason(cache, noOdds)).toBe("NO_MATCHING_OUTCOMES");
  });
});

describe("Bet9ja lookup", () => {
  it("maps the spec's B3 example and drops its unknown key", () => {
    expect(reason(cache, b9("S_1X2", null, ["1", "X", "2"]))).toBe("MAPPED");
    expect(reason(cache, b9("S_OU", "2.5", ["O", "U"]))).toBe("MAPPED");
    expect(reason(cache, b9("S_ZZUNKNOWN", null, ["Y", "N"]))).toBe("UNKNOWN_MARKET");
  });

  it("looks keys up exactly", () => {
    const onlyOu = new MappingCache(builtinCatalog().filter((e) => e.bet9jaKey === "S_OU"));
    expect(reason(onlyOu, b9("S_OU", "2.5", ["O", "U"]))).toBe("MAPPED");
    expect(reason(onlyOu, b9("S_OU1T", "2.5", ["O", "U"]))).toBe("UNKNOWN_MARKET");
    expect(reason(onlyOu, b9("S_OUA", "2.5", ["O", "U"]))).toBe("UNKNOWN_MARKET");
    expect(reason(onlyOu, b9("OU", "2.5", ["O", "U"]))).toBe("UNKNOWN_MARKET");
    const onlyOu1t = new MappingCache(builtinCatalog().filter((e) => e.bet9jaKey === "S_OU1T"));
    expect(reason(onlyOu1t, b9("S_OU", "2.5", ["O", "U"]))).toBe("UNKNOWN_MARKET");
    expect(reason(cache, b9("S_OUA", "2.5", ["O", "U"]))).toBe("UNKNOWN_MARKET");
  });

  it("reports UNSUPPORTED_PLATFORM for an entry without a betpawa id", () => {
    expect(reason(cache, b9("S_1STCORNER", null, ["1", "X", "2"]))).toBe("UNSUPPORTED_PLATFORM");
  });

  it.each([
    ["S_OU", null],
    ["S_OU", "2,5"],
    ["S_OU", "abc"],
    ["S_AH", null],
    ["S_1X2HND", "x"],
    ["S_1X2", "1"],
    ["S_GGNG", "2.5"],
  ])("reports UNKNOWN_PARAM_MARKET for %s with param %s", (key, param) => {
    expect(reason(cache, b9(key, param, ["1", "X", "2", "O", "U", "Y", "N", "1H"]))).toBe("UNKNOWN_PARAM_MARKET");
  });

  it("understands lines and handicaps on the listed markets", () => {
    expect(reason(cache, b9("S_AH", "-0.25", ["1", "2"]))).toBe("MAPPED");
    expect(reason(cache, b9("S_1X2HND", "-1", ["1H", "XH", "2H"]))).toBe("MAPPED");
    expect(reason(cache, b9("S_OUCORNERS", "9.5", ["O", "U"]))).toBe("MAPPED");
    expect(reason(cache, b9("S_HTFT", null, ["1/1"]))).toBe("MAPPED");
  });

  it("matches suffixes exactly and case-sensitively", () => {
    expect(reason(cache, b9("S_1X2", null, ["x"]))).toBe("NO_MATCHING_OUTCOMES");
    expect(reason(cache, b9("S_OU", "2.5", ["Over", "2.5_O"]))).toBe("NO_MATCHING_OUTCOMES");
    expect(reason(cache, b9("S_1X2", null, ["Z", "X"]))).toBe("MAPPED");
  });

  describe("home/away O/U split", () => {
    const spec = ["OH", "UH", "OA", "UA"];

    it("maps the spec's HAOU example although the S_HAOU entry has no betpawa id", () => {
      expect(reason(cache, b9("S_HAOU", "1.5", spec))).toBe("MAPPED");
      expect(reason(cache, b9("S_HAOU", "1.5", ["UA"]))).toBe("MAPPED");
      expect(reason(cache, b9("S_HA1HOU", "0.5", ["HO", "HU"]))).toBe("MAPPED");
      expect(reason(cache, b9("S_HA2HOU", "0.5", ["OH", "AU"]))).toBe("MAPPED");
    });

    it("needs a numeric param", () => {
      expect(reason(cache, b9("S_HAOU", null, spec))).toBe("UNKNOWN_PARAM_MARKET");
      expect(reason(cache, b9("S_HAOU", "x", spec))).toBe("UNKNOWN_PARAM_MARKET");
    });

    it("needs a usable suffix on a supported side", () => {
      expect(reason(cache, b9("S_HAOU", "1.5", ["O", "U"]))).toBe("NO_MATCHING_OUTCOMES");
      const noAway = new MappingCache(mergeMappings(builtinCatalog(), [userEntry({ canonicalId: "away_over_under_ft", betpawaId: null })]));
      expect(reason(noAway, b9("S_HAOU", "1.5", ["OA", "UA"]))).toBe("NO_MATCHING_OUTCOMES");
      expect(reason(noAway, b9("S_HAOU", "1.5", ["OH"]))).toBe("MAPPED");
    });

    it("reports why when the targets are gone", () => {
      const unsupported = new MappingCache(
        mergeMappings(builtinCatalog(), [
          userEntry({ canonicalId: "home_over_under_ft", betpawaId: null }),
          userEntry({ canonicalId: "away_over_under_ft", betpawaId: null }),
        ]),
      );
      expect(reason(unsupported, b9("S_HAOU", "1.5", spec))).toBe("UNSUPPORTED_PLATFORM");
      const absent = new MappingCache(builtinCatalog().filter((e) => !["5006", "5003"].includes(e.betpawaId ?? "")));
      expect(reason(absent, b9("S_HAOU", "1.5", spec))).toBe("UNKNOWN_MARKET");
    });

    it("falls back to the builtin canonical id when the betpawa id changed", () => {
      const moved = new MappingCache(
        mergeMappings(builtinCatalog(), [
          userEntry({ canonicalId: "home_over_under_ft", betpawaId: "777" }),
          userEntry({ canonicalId: "away_over_under_ft", betpawaId: null }),
        ]),
      );
      expect(reason(moved, b9("S_HAOU", "1.5", ["OH", "UH"]))).toBe("MAPPED");
    });
  });
});

describe("user mappings", () => {
  it("a user override replaces the builtin behaviour", () => {
    const overridden = new MappingCache(
      mergeMappings(builtinCatalog(), [userEntry({ canonicalId: "over_under_ft", betpawaId: null, sportybetId: "18", bet9jaKey: "S_OU" })]),
    );
    expect(reason(overridden, sb("18", "total=2.5", ["Over", "Under"]))).toBe("UNSUPPORTED_PLATFORM");
    expect(reason(overridden, b9("S_OU", "2.5", ["O", "U"]))).toBe("UNSUPPORTED_PLATFORM");
  });

  it("a user entry wins over a builtin one claiming the same platform id", () => {
    const entries = mergeMappings(builtinCatalog(), [
      userEntry({
        canonicalId: "five_minutes",
        sportybetId: "900069",
        outcomes: [{ canonicalId: "home", betpawaName: "1", sportybetDesc: "Home", bet9jaSuffix: null, position: 0 }],
      }),
    ]);
    expect(reason(new MappingCache(entries), sb("900069", "from=1|to=5", ["Home"]))).toBe("MAPPED");
  });

  it("replace() makes a new mapping visible at once and bumps the version", () => {
    const live = new MappingCache(builtinCatalog());
    const fouls = sb("800057", "total=22.5", ["Over", "Under"]);
    const stou = b9("S_STOU", "2.5", ["O", "U"]);
    expect(reason(live, fouls)).toBe("UNKNOWN_MARKET");
    expect(reason(live, stou)).toBe("UNKNOWN_MARKET");
    const before = live.version;

    live.replace(
      mergeMappings(builtinCatalog(), [
        userEntry({ canonicalId: "match_fouls", sportybetId: "800057" }),
        userEntry({ canonicalId: "shots_on_target", bet9jaKey: "S_STOU" }),
      ]),
    );
    expect(live.version).toBe(before + 1);
    expect(live.entries).toHaveLength(131);
    // The builtin id lists do not cover user markets; their numeric lines are accepted.
    expect(reason(live, fouls)).toBe("MAPPED");
    expect(reason(live, stou)).toBe("MAPPED");
    expect(reason(live, sb("800057", "total=abc", ["Over"]))).toBe("UNKNOWN_PARAM_MARKET");
    expect(reason(live, b9("S_STOU", "x", ["O"]))).toBe("UNKNOWN_PARAM_MARKET");
  });

  it("ignores malformed user outcomes instead of throwing", () => {
    const broken = userEntry({ canonicalId: "broken", sportybetId: "800057", bet9jaKey: "S_STOU" });
    broken.outcomes = [null, { betpawaName: "Over" }, { sportybetDesc: "Over" }] as unknown as MappingEntry["outcomes"];
    const noList = userEntry({ canonicalId: "no_list", sportybetId: "800123" });
    noList.outcomes = null as unknown as MappingEntry["outcomes"];
    const live = new MappingCache([broken, noList]);
    expect(reason(live, sb("800057", null, ["Over"]))).toBe("NO_MATCHING_OUTCOMES");
    expect(reason(live, b9("S_STOU", "2.5", ["O"]))).toBe("NO_MATCHING_OUTCOMES");
    expect(reason(live, sb("800123", null, ["Yes"]))).toBe("NO_MATCHING_OUTCOMES");
  });

  it("does not see later changes to the array it was built from", () => {
    const entries = builtinCatalog();
    const snapshot = new MappingCache(entries);
    entries.length = 0;
    expect(snapshot.entries).toHaveLength(129);
    expect(reason(snapshot, sb("1", null, ["Home"]))).toBe("MAPPED");
  });
});

// How fast lookups are is measured by `npm run bench`; this checks 100k lookups stay correct.
describe("many lookups", () => {
  it("answers 100k lookups over a mix of mapped and unmapped sightings", () => {
    const sightings = [
      sb("18", "total=2.5", ["Over", "Under"]),
      sb("45", null, ["0:0", "1:0", "0:1", "1:1", "2:0"]),
      sb("800117", null, ["Yes", "No"]),
      b9("S_OU", "2.5", ["O", "U"]),
      b9("S_HAOU", "1.5", ["OH", "UH", "OA", "UA"]),
      b9("S_OUA", "0.5", ["O", "U"]),
    ];
    // The same sighting always gets the same answer, however many lookups came before it.
    const expected = sightings.map((s) => cache.lookup(s).mapped);
    let mapped = 0;
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) {
      const hit = cache.lookup(sightings[i % sightings.length]).mapped;
      if (hit) mapped++;
      if (hit !== expected[i % sightings.length]) wrong++;
    }
    expect(expected).toContain(true);
    expect(expected).toContain(false);
    expect(wrong).toBe(0);
    expect(mapped).toBeGreaterThan(0);
  });
});
