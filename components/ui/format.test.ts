import { describe, expect, it } from "vitest";
import { formatRelative } from "./format";

describe("formatRelative", () => {
  const now = Date.UTC(2026, 11, 6, 12, 0, 0);
  const at = (minutes: number) => new Date(now + minutes * 60_000);

  it("says how long ago a past moment was", () => {
    expect(formatRelative(at(-5), now)).toBe("5 min ago");
    expect(formatRelative(at(-180), now)).toBe("3 h ago");
    expect(formatRelative(at(-2 * 1440), now)).toBe("2 d ago");
  });

  it("says how far ahead a coming one is (a kickoff)", () => {
    expect(formatRelative(at(5), now)).toBe("in 5 min");
    expect(formatRelative(at(180), now)).toBe("in 3 h");
    expect(formatRelative(at(2 * 1440), now)).toBe("in 2 d");
    expect(formatRelative(new Date(now + 20_000), now)).toBe("just now");
  });
});
