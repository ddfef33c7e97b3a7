import { describe, expect, it } from "vitest";
import { isOpenPage, safeNext, signInHref } from "./auth";

describe("safeNext", () => {
  it("keeps a path of this site, query included", () => {
    expect(safeNext("/unmapped?status=IGNORED&q=a%20b")).toBe("/unmapped?status=IGNORED&q=a%20b");
    expect(safeNext("/mappings/1x2_ft")).toBe("/mappings/1x2_ft");
  });

  it("refuses anything a browser would take to another site, and the open pages themselves", () => {
    for (const next of [
      null,
      undefined,
      "",
      "https://attacker.example/",
      "//attacker.example/x",
      "/\\attacker.example",
      "javascript:alert(1)",
      "unmapped",
      "/x\n/y",
      "/sign-in?next=/x",
      "/setup",
    ]) {
      expect(safeNext(next), String(next)).toBe("/unmapped");
    }
  });
});

describe("open pages", () => {
  it("are sign-in and first run only", () => {
    expect(isOpenPage("/sign-in")).toBe(true);
    expect(isOpenPage("/sign-in?next=%2Fx")).toBe(true);
    expect(isOpenPage("/setup")).toBe(true);
    expect(isOpenPage("/sign-inx")).toBe(false);
    expect(isOpenPage("/settings/users")).toBe(false);
    expect(isOpenPage("/")).toBe(false);
  });

  it("sign-in links carry the page to come back to", () => {
    expect(signInHref("/unmapped?status=NEW")).toBe("/sign-in?next=%2Funmapped%3Fstatus%3DNEW");
  });
});
