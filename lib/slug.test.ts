import { describe, expect, it } from "vitest";
import { slugSchema } from "./contract/mappings";
import { slugify, uniqueSlugs } from "./slug";

describe("slugify", () => {
  it("turns a market or outcome name into a canonical id the contract accepts", () => {
    const cases: [string, string][] = [
      ["Over/Under 2.5", "over_under_2_5"],
      ["  1X2 - Full Time  ", "1x2_full_time"],
      ["Équipe à domicile", "equipe_a_domicile"],
      ["Both Teams To Score (BTTS)?", "both_teams_to_score_btts"],
      ["__already_a_slug__", "already_a_slug"],
      ["ﬁrst goal", "first_goal"],
    ];
    for (const [name, slug] of cases) {
      expect(slugify(name), name).toBe(slug);
      expect(slugSchema.safeParse(slug).success, slug).toBe(true);
    }
  });

  it("is empty when nothing usable is left, and never ends in _ after cutting to length", () => {
    expect(slugify("!!! ??")).toBe("");
    expect(slugify("<script>")).toBe("script");
    expect(slugify("ab cd", 3)).toBe("ab");
    expect(slugify("x".repeat(300), 500)).toHaveLength(100);
  });
});

describe("uniqueSlugs", () => {
  it("numbers repeats and gives names without letters the fallback", () => {
    expect(uniqueSlugs(["Home", "home", "HOME!", "—", "?"])).toEqual(["home", "home_2", "home_3", "outcome", "outcome_2"]);
  });
});
