import { describe, expect, it } from "vitest";
import { niceMax, summarize } from "./trend-summary";

const run = (runId: number, sightings: number, events: number) => ({
  runId,
  startedAt: `2026-12-0${runId}T10:00:00.000Z`,
  sightings,
  events,
});

describe("the trend chart's words", () => {
  it("names the runs sighted, the peak and the latest run", () => {
    expect(summarize([run(1, 0, 0), run(2, 40, 4), run(3, 12, 3)])).toBe(
      "Sighted in 2 of the last 3 runs; peak 40 sightings in run #2 (2026-12-02); latest run #3: 12 sightings in 3 events.",
    );
    expect(summarize([run(1, 0, 0)])).toBe("Not sighted in the last 1 run.");
  });

  it("scales the axis to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 10, 11, 240, 5000].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 500, 5000]);
  });
});
