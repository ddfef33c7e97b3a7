import { describe, expect, it } from "vitest";
import { checkPairing, CLEARLY_BETTER_MARGIN, CONSISTENT_MAX_DIFF, judge, meanAbsDifferences, type EventOdds } from "./consistency";

/** Odds a book would quote for fair probabilities `p` with a proportional margin. */
const quote = (p: readonly number[], margin: number) => p.map((x) => Math.round((1 / (x * (1 + margin))) * 100) / 100);
/** Moves each probability by its delta and renormalises: another book's view of the same match. */
const nudge = (p: readonly number[], deltas: readonly number[]) => {
  const moved = p.map((x, i) => x + deltas[i % deltas.length]);
  const sum = moved.reduce((a, b) => a + b, 0);
  return moved.map((x) => x / sum);
};
const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Over/Under at three lines: SportyBet-like margin on A, Bet9ja-like on B, a point of noise. */
const overUnder: EventOdds[] = [
  [0.72, 0.28],
  [0.55, 0.45],
  [0.31, 0.69],
].map((p) => ({ a: quote(p, 0.055), b: quote(nudge(p, [0.01, -0.01]), 0.075) }));

/** 1X2 in four matches, B listing its outcomes as Home, Draw, Away too. */
const oneXTwo: EventOdds[] = [
  [0.48, 0.27, 0.25],
  [0.62, 0.22, 0.16],
  [0.2, 0.25, 0.55],
  [0.38, 0.3, 0.32],
].map((p) => ({ a: quote(p, 0.055), b: quote(nudge(p, [0.012, -0.004, -0.008]), 0.075) }));

describe("mean absolute difference", () => {
  it("is per outcome over the events, and the overall mean of those", () => {
    const d = meanAbsDifferences([
      { a: [0.5, 0.5], b: [0.6, 0.4] },
      { a: [0.3, 0.7], b: [0.3, 0.7] },
    ]);
    expect(d.perOutcome[0]).toBeCloseTo(0.05, 12);
    expect(d.perOutcome[1]).toBeCloseTo(0.05, 12);
    expect(d.mean).toBeCloseTo(0.05, 12);
    expect(meanAbsDifferences([])).toEqual({ perOutcome: [], mean: null });
  });
});

describe("checking a proposed pairing", () => {
  it("2-way: Over/Under straight is consistent, swapped is suspicious and the check names the swap", () => {
    const straight = checkPairing(overUnder, [0, 1]);
    expect(straight.verdict).toBe("consistent");
    expect(straight.eventsCompared).toBe(3);
    expect(straight.proposed.mean).toBeLessThan(0.02);
    expect(straight.bestDiffers).toBe(false);

    const swapped = checkPairing(overUnder, [1, 0]);
    expect(swapped.verdict).toBe("suspicious");
    expect(swapped.reasons).toEqual(["difference", "better_pairing"]);
    expect(swapped.best?.pairing).toEqual([0, 1]);
    expect(swapped.bestDiffers).toBe(true);
    expect(swapped.proposed.perOutcome[0]).toBeGreaterThan(0.2);
  });

  it("3-way: Home and Away swapped is suspicious, the best pairing puts them back", () => {
    expect(checkPairing(oneXTwo, [0, 1, 2]).verdict).toBe("consistent");
    const swapped = checkPairing(oneXTwo, [2, 1, 0]);
    expect(swapped.verdict).toBe("suspicious");
    expect(swapped.best?.pairing).toEqual([0, 1, 2]);
    // Draw stays paired with itself: its own difference is small, the other two large.
    expect(swapped.proposed.perOutcome[1]).toBeLessThan(CONSISTENT_MAX_DIFF);
    expect(swapped.proposed.perOutcome[0]).toBeGreaterThan(0.1);
  });

  it("3-way listed in another order: the straight-by-position pairing is suspicious, by names consistent", () => {
    // B lists Away, Draw, Home; the names say A's Home is B's outcome 2.
    const reordered = oneXTwo.map((e) => ({ a: e.a, b: [...e.b].reverse() }));
    expect(checkPairing(reordered, [0, 1, 2]).verdict).toBe("suspicious");
    expect(checkPairing(reordered, [0, 1, 2]).best?.pairing).toEqual([2, 1, 0]);
    expect(checkPairing(reordered, [2, 1, 0]).verdict).toBe("consistent");
  });

  it("12-way: a shuffled outcome order is recovered exactly", () => {
    const perm = [3, 10, 0, 7, 11, 5, 1, 9, 2, 6, 8, 4];
    const events: EventOdds[] = [0, 1, 2, 3].map((k) => {
      // 13 is prime: i * (2k + 5) mod 13 orders the outcomes differently in each event.
      const raw = identity(12).map((i) => 1 + ((i * (2 * k + 5)) % 13));
      const sum = raw.reduce((a, b) => a + b, 0);
      const p = raw.map((x) => x / sum);
      const b = new Array<number>(12);
      quote(nudge(p, [0.002, -0.002]), 0.08).forEach((odds, i) => (b[perm[i]] = odds));
      return { a: quote(p, 0.05), b };
    });
    const wrong = checkPairing(events, identity(12));
    expect(wrong.verdict).toBe("suspicious");
    expect(wrong.best?.pairing).toEqual(perm);
    expect(checkPairing(events, perm).verdict).toBe("consistent");
  });

  it("assigns the smaller outcome set into the larger one", () => {
    // B adds a fourth outcome A does not list; A's three find their own.
    const events: EventOdds[] = [
      { a: quote([0.5, 0.3, 0.2], 0.05), b: quote([0.05, 0.47, 0.29, 0.19], 0.07) },
      { a: quote([0.2, 0.3, 0.5], 0.05), b: quote([0.05, 0.19, 0.29, 0.47], 0.07) },
    ];
    const check = checkPairing(events, [1, 2, 3]);
    expect(check.best?.pairing).toEqual([1, 2, 3]);
    expect(check.bestDiffers).toBe(false);
    expect(check.verdict).toBe("consistent");
    // And the other way round, with B's extra outcome left unpaired.
    const flipped = checkPairing(
      events.map((e) => ({ a: e.b, b: e.a })),
      [null, 0, 1, 2],
    );
    expect(flipped.best?.pairing).toEqual([null, 0, 1, 2]);
    expect(flipped.proposed.perOutcome[0]).toBeNull();
    expect(flipped.verdict).toBe("consistent");
  });

  it("skips events with unusable odds and says so, without throwing", () => {
    const events: EventOdds[] = [
      { a: [1.9, 1.9], b: [3, 3, 3] },
      ...overUnder,
      { a: [1, 1.9], b: [1.9, 1.9] },
      { a: [Number.NaN, 1.9], b: [1.9, null] },
    ];
    const check = checkPairing(events, [0, 1]);
    // The first event's B lists three outcomes where the others list two: it is the one skipped.
    expect(check.eventsCompared).toBe(3);
    expect(check.eventsSkipped).toBe(3);
    expect(check.verdict).toBe("consistent");
  });

  it("is no_overlap without a shared event, or when no shared event has usable odds", () => {
    expect(checkPairing([], [0, 1])).toMatchObject({ verdict: "no_overlap", eventsCompared: 0, best: null });
    const unusable = checkPairing([{ a: [0.9, 1.9], b: [1.9, 1.9] }], [0, 1]);
    expect(unusable).toMatchObject({ verdict: "no_overlap", eventsCompared: 0, eventsSkipped: 1 });
  });

  it("is suspicious when nothing is paired", () => {
    expect(checkPairing(overUnder, [null, null])).toMatchObject({ verdict: "suspicious", reasons: ["nothing_paired"] });
  });
});

describe("thresholds", () => {
  it("are four points of difference and a two-point better pairing", () => {
    expect(CONSISTENT_MAX_DIFF).toBe(0.04);
    expect(CLEARLY_BETTER_MARGIN).toBe(0.02);
  });

  it("count a difference of exactly CONSISTENT_MAX_DIFF as consistent, above it as suspicious", () => {
    expect(judge(0.04, 0.04).verdict).toBe("consistent");
    expect(judge(0.0401, 0.0401)).toEqual({ verdict: "suspicious", reasons: ["difference"] });
    // The same edge reached through odds: fair 50/50 against fair 54/46 differs by 0.04 exactly.
    const edge = checkPairing([{ a: [2, 2], b: [1 / 0.54, 1 / 0.46] }], [0, 1]);
    expect(edge.proposed.mean).toBeCloseTo(0.04, 12);
    expect(edge.verdict).toBe("consistent");
    const over = checkPairing([{ a: [2, 2], b: [1 / 0.545, 1 / 0.455] }], [0, 1]);
    expect(over.verdict).toBe("suspicious");
  });

  it("count a pairing better by exactly CLEARLY_BETTER_MARGIN as clearly better, less as not", () => {
    expect(judge(0.03, 0.01)).toEqual({ verdict: "suspicious", reasons: ["better_pairing"] });
    expect(judge(0.06, 0.04).reasons).toContain("better_pairing");
    expect(judge(0.03, 0.0101)).toEqual({ verdict: "consistent", reasons: [] });
    expect(judge(null, 0.01)).toEqual({ verdict: "suspicious", reasons: ["nothing_paired"] });
  });
});
