import { describe, expect, it } from "vitest";
import { bet9jaKeySchema, bet9jaMarketCode } from "./bet9ja-key";

describe("the Bet9ja market key rule", () => {
  it("accepts full market keys and refuses anything else with one message", () => {
    for (const key of ["S_OU", "S_1X2", "S_OU1T", "S_HA1HOU", " S_AH "]) expect(bet9jaKeySchema.safeParse(key).success, key).toBe(true);
    for (const key of ["OU", "S_", "s_OU", "S_O U", "S_OU_O", "x".repeat(101)]) {
      const r = bet9jaKeySchema.safeParse(key);
      expect(r.success, key).toBe(false);
    }
    expect(bet9jaKeySchema.safeParse("OU").error?.issues[0].message).toBe("a Bet9ja market key starts with S_, e.g. S_OU");
  });

  it("reads the market code the line rules are keyed by", () => {
    expect(bet9jaMarketCode("S_OU1T")).toBe("OU1T");
    expect(bet9jaMarketCode("OU")).toBe("OU");
  });
});
