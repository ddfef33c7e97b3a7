import { describe, expect, it } from "vitest";
import { minCostAssignment } from "./assignment";

/** The best assignment by trying every permutation: the reference for small sizes. */
function bruteForce(cost: number[][]): number {
  const n = cost.length;
  let best = Number.POSITIVE_INFINITY;
  const walk = (row: number, used: Set<number>, sum: number) => {
    if (row === n) {
      best = Math.min(best, sum);
      return;
    }
    for (let j = 0; j < cost[0].length; j++) {
      if (used.has(j)) continue;
      used.add(j);
      walk(row + 1, used, sum + cost[row][j]);
      used.delete(j);
    }
  };
  walk(0, new Set(), 0);
  return best;
}

/** A small deterministic generator, so the cases are the same on every run. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe("minimum-cost assignment", () => {
  it("finds the optimum a brute force finds, square and rectangular", () => {
    const rnd = lcg(42);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + (trial % 6);
      const m = n + (trial % 3);
      const cost = Array.from({ length: n }, () => Array.from({ length: m }, () => Math.round(rnd() * 100) / 100));
      const result = minCostAssignment(n, m, (i, j) => cost[i][j]);
      expect(result.cost).toBeCloseTo(bruteForce(cost), 9);
      const cols = result.columns.filter((c) => c !== null);
      expect(new Set(cols).size).toBe(n);
      expect(result.cost).toBeCloseTo(
        result.columns.reduce<number>((s, c, i) => s + cost[i][c as number], 0),
        9,
      );
    }
  });

  it("assigns columns into rows when there are more rows, leaving rows over", () => {
    const cost = [
      [5, 1],
      [1, 5],
      [3, 3],
    ];
    const result = minCostAssignment(3, 2, (i, j) => cost[i][j]);
    expect(result.columns).toEqual([1, 0, null]);
    expect(result.cost).toBe(2);
  });

  it("recovers a hidden 12-permutation asking for each cost once", () => {
    const hidden = [7, 2, 11, 0, 5, 9, 3, 10, 1, 8, 6, 4];
    let asked = 0;
    const result = minCostAssignment(12, 12, (i, j) => {
      asked++;
      return j === hidden[i] ? 0 : 1 + ((i * 7 + j * 3) % 5) / 10;
    });
    expect(result.columns).toEqual(hidden);
    expect(result.cost).toBe(0);
    // 144 cells, not 12! = 479,001,600 permutations.
    expect(asked).toBe(144);
  });

  it("handles the empty case and refuses a NaN cost", () => {
    expect(minCostAssignment(0, 3, () => 1)).toEqual({ columns: [], cost: 0 });
    expect(() => minCostAssignment(2, 2, () => Number.NaN)).toThrow(RangeError);
  });
});
