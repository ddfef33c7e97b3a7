import { describe, expect, it } from "vitest";
import { alertTitle } from "./alert-title";

describe("alertTitle", () => {
  it("counts new markets, one or many, with thousands separators", () => {
    expect(alertTitle({ count: 1, listed: 1, reopened: 0 })).toBe("1 new unmapped market");
    expect(alertTitle({ count: 4, listed: 4, reopened: 0 })).toBe("4 new unmapped markets");
    expect(alertTitle({ count: 1234, listed: 1234, reopened: 0 })).toBe("1,234 new unmapped markets");
  });

  it("calls out reopened (regressed) markets when every market was named", () => {
    expect(alertTitle({ count: 5, listed: 5, reopened: 1 })).toBe("4 new and 1 reopened unmapped markets");
    expect(alertTitle({ count: 2, listed: 2, reopened: 2 })).toBe("2 unmapped markets reopened");
    expect(alertTitle({ count: 1, listed: 1, reopened: 1 })).toBe("1 unmapped market reopened");
  });

  it("does not guess when the alerts named only some of the markets (at most 50 each)", () => {
    expect(alertTitle({ count: 120, listed: 50, reopened: 0 })).toBe("120 new or reopened unmapped markets");
    expect(alertTitle({ count: 120, listed: 50, reopened: 3 })).toBe("120 new or reopened unmapped markets");
  });
});
