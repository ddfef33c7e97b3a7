import { describe, expect, it } from "vitest";
import { builtinCatalog, mergeMappings } from "./catalog";
import { userEntry } from "@/server/testing/mapping-entry";

describe("builtinCatalog", () => {
  it("holds the 129 catalog markets, all builtin, with every field present", () => {
    const catalog = builtinCatalog();
    expect(catalog).toHaveLength(129);
    for (const entry of catalog) {
      expect(entry.origin).toBe("builtin");
      for (const key of ["betpawaId", "sportybetId", "bet9jaKey"] as const) {
        expect(entry[key] === null || typeof entry[key] === "string").toBe(true);
      }
      for (const o of entry.outcomes) {
        expect(typeof o.position).toBe("number");
        for (const key of ["betpawaName", "sportybetDesc", "bet9jaSuffix"] as const) {
          expect(o[key]).not.toBeUndefined();
        }
      }
    }
    expect(new Set(catalog.map((e) => e.canonicalId)).size).toBe(129);
  });

  it("keeps the ids from the data file", () => {
    const ou = builtinCatalog().find((e) => e.canonicalId === "over_under_ft");
    expect(ou).toMatchObject({ betpawaId: "5000", sportybetId: "18", bet9jaKey: "S_OU" });
    expect(ou?.outcomes.map((o) => o.bet9jaSuffix)).toEqual(["O", "U"]);
    const haou = builtinCatalog().find((e) => e.canonicalId === "haou_combined");
    expect(haou).toMatchObject({ betpawaId: null, sportybetId: null, bet9jaKey: "S_HAOU" });
  });

  it("returns a fresh copy each call", () => {
    const first = builtinCatalog();
    first[0].name = "mutated";
    first[0].outcomes.length = 0;
    const second = builtinCatalog();
    expect(second[0].name).not.toBe("mutated");
    expect(second[0].outcomes.length).toBeGreaterThan(0);
  });
});

describe("mergeMappings", () => {
  it("replaces the builtin entry with the same canonicalId, in place", () => {
    const builtin = builtinCatalog();
    const override = userEntry({ canonicalId: "over_under_ft", betpawaId: null, bet9jaKey: "S_OU" });
    const merged = mergeMappings(builtin, [override]);
    expect(merged).toHaveLength(129);
    const index = builtin.findIndex((e) => e.canonicalId === "over_under_ft");
    expect(merged[index]).toBe(override);
    expect(merged.filter((e) => e.canonicalId === "over_under_ft")).toHaveLength(1);
  });

  it("appends user entries with new canonical ids; a later duplicate wins", () => {
    const a = userEntry({ canonicalId: "fouls", name: "first" });
    const b = userEntry({ canonicalId: "fouls", name: "second" });
    const merged = mergeMappings(builtinCatalog(), [a, b]);
    expect(merged).toHaveLength(130);
    expect(merged[129].name).toBe("second");
  });

  it("does not modify its inputs", () => {
    const builtin = builtinCatalog();
    const user = [userEntry({ canonicalId: "1x2_ft" })];
    mergeMappings(builtin, user);
    expect(builtin.find((e) => e.canonicalId === "1x2_ft")?.origin).toBe("builtin");
    expect(user).toHaveLength(1);
  });
});
