import { describe, expect, it } from "vitest";
import { slugSchema } from "./contract/mappings";
import { slugify, uniqueSlugs } from "./slug";

describe("slugify", () => {
  it("makes ids the contract accepts from any name", () => {
    for (const name of [
      "Over 2.5",
      "1X2 - Full Time",
      "  Home/Away  ",
      "Équipe à domicile",
      "<script>alert(1)</script> Booking Race",
      "x".repeat(300),
    ]) {
      const id = slugify(name);
      expect(slugSchema.safeParse(id).success, `${name} -> ${id}`).toBe(true);
    }
    expect(slugify("Over 2.5")).toBe("over_2_5");
    expect(slugify("1X2 - Full Time")).toBe("1x2_full_time");
    expect(slugify("Équipe à domicile")).toBe("equipe_a_domicile");
    expect(slugify("<script>alert(1)</script> Booking Race")).toBe("script_alert_1_script_booking_race");
  });

  it("cuts at the limit without a trailing _", () => {
    expect(slugify("abc def", 4)).toBe("abc");
    expect(slugify("x".repeat(300))).toHaveLength(60);
  });

  it("is empty for a name with no letters or digits", () => {
    expect(slugify("—")).toBe("");
  });
});

describe("uniqueSlugs", () => {
  it("numbers repeats and replaces empty ones", () => {
    expect(uniqueSlugs(["Home", "home", "HOME", "—", "?"])).toEqual(["home", "home_2", "home_3", "outcome", "outcome_2"]);
  });
});
