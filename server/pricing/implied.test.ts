import { describe, expect, it } from "vitest";
import { deMargin, impliedProbability } from "./implied";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("implied probability", () => {
  it("is 1/odds for usable odds and null otherwise", () => {
    expect(impliedProbability(2)).toBe(0.5);
    expect(impliedProbability(1.25)).toBe(0.8);
    for (const bad of [1, 0.5, 0, -2, Number.NaN, Number.POSITIVE_INFINITY, null, undefined]) {
      expect(impliedProbability(bad), String(bad)).toBeNull();
    }
  });
});

describe("margin removal (proportional)", () => {
  it("takes a 2-way market's margin out in proportion and sums to 1", () => {
    const result = deMargin([1.85, 1.95]);
    if (!result.usable) throw new Error("expected usable");
    expect(result.overround).toBeCloseTo(1 / 1.85 + 1 / 1.95, 12);
    expect(result.probabilities[0]).toBeCloseTo(1 / 1.85 / result.overround, 12);
    expect(result.probabilities[0]).toBeCloseTo(0.5132, 4);
    expect(sum(result.probabilities)).toBeCloseTo(1, 12);
  });

  it("de-margins a 3-way market and keeps the outcome order", () => {
    const result = deMargin([2.1, 3.3, 3.4]);
    if (!result.usable) throw new Error("expected usable");
    expect(result.overround).toBeGreaterThan(1.05);
    expect(sum(result.probabilities)).toBeCloseTo(1, 12);
    const [home, draw, away] = result.probabilities;
    expect(home).toBeGreaterThan(draw);
    expect(draw).toBeGreaterThan(away);
    expect(home).toBeCloseTo(0.4437, 4);
  });

  it("leaves fair odds as they are", () => {
    const result = deMargin([2, 4, 4]);
    expect(result).toEqual({ usable: true, probabilities: [0.5, 0.25, 0.25], overround: 1 });
  });

  it("says which outcomes are unusable instead of throwing", () => {
    expect(deMargin([1.9, 1, Number.NaN, null, undefined, 0.8, 2])).toEqual({
      usable: false,
      reason: "unusable_odds",
      unusable: [1, 2, 3, 4, 5],
    });
    expect(deMargin([1.5])).toEqual({ usable: false, reason: "too_few_outcomes", unusable: [] });
    expect(deMargin([])).toEqual({ usable: false, reason: "too_few_outcomes", unusable: [] });
  });
});
