import { describe, expect, it } from "vitest";
import type { Candidates } from "@/lib/contract/mappings";
import { numberedCandidates, queuePosition, reviewQuery } from "./queue-model";

const features = { name: 0.5, outcomes: 0.5, lines: 0.5, prices: null };
const mapping = (canonicalId: string, score: number, occupied = false): Candidates["mappings"][number] => ({
  canonicalId,
  name: canonicalId,
  origin: "builtin",
  betpawaId: "1",
  score,
  reasons: [],
  occupied,
  pairings: [],
  features,
  price: null,
  safeToAccept: false,
});

describe("numberedCandidates", () => {
  it("numbers the free mappings best first, at most nine", () => {
    const list = [
      mapping("b", 0.4),
      mapping("taken", 0.99, true),
      mapping("a", 0.8),
      ...Array.from({ length: 10 }, (_, i) => mapping(`x${i}`, 0.1)),
    ];
    const numbered = numberedCandidates({ mappings: list, markets: [] });
    expect(numbered).toHaveLength(9);
    expect(numbered.slice(0, 2).map((c) => c.canonicalId)).toEqual(["a", "b"]);
    expect(numbered.some((c) => c.occupied)).toBe(false);
    expect(numberedCandidates(undefined)).toEqual([]);
  });
});

describe("queuePosition", () => {
  const none = new Set<number>();
  it("shows the first open market and prefetches the one after it", () => {
    expect(queuePosition({ ids: [1, 2, 3], skipped: none, decided: none, pinned: null })).toEqual({ current: 1, next: 2, remaining: 3 });
    expect(queuePosition({ ids: [1, 2, 3], skipped: new Set([1]), decided: new Set([2]), pinned: null })).toEqual({
      current: 3,
      next: null,
      remaining: 1,
    });
  });
  it("keeps the pinned market while the list reorders, and shows an undone one even off the page", () => {
    expect(queuePosition({ ids: [3, 1, 2], skipped: none, decided: none, pinned: 1 })).toEqual({ current: 1, next: 3, remaining: 3 });
    expect(queuePosition({ ids: [3], skipped: none, decided: none, pinned: 9 })).toEqual({ current: 9, next: 3, remaining: 2 });
    expect(queuePosition({ ids: [1, 2], skipped: none, decided: new Set([1]), pinned: 1 })).toEqual({
      current: 2,
      next: null,
      remaining: 1,
    });
    expect(queuePosition({ ids: [], skipped: none, decided: none, pinned: null })).toEqual({ current: null, next: null, remaining: 0 });
  });
});

describe("reviewQuery", () => {
  it("reads a larger page as the skipped fill it, so markets not skipped are always left", () => {
    const sizes = [0, 39, 40, 89, 90, 139, 140, 189, 190, 500].map((n) => reviewQuery(n).pageSize);
    expect(sizes).toEqual([50, 50, 100, 100, 150, 150, 200, 200, 200, 200]);
    // At every size short of the largest page, at least ten markets of the page are not skipped.
    for (let skipped = 0; skipped < 190; skipped++) expect(reviewQuery(skipped).pageSize - skipped).toBeGreaterThanOrEqual(10);
    expect(reviewQuery(60)).toMatchObject({ status: ["NEW"], sort: "priority", order: "desc", page: 1 });
  });
});
