// Identical counts at the same time run once, and never answer a request that arrived after they
// started: the count each request gets saw every change made before it asked.
import { describe, expect, it } from "vitest";
import { SharedReads } from "./shared-reads";

/** A count that reads `table` when it starts and answers when released. */
function countOf(table: { rows: number }) {
  const started: { seen: number; release: () => void }[] = [];
  const run = () =>
    new Promise<number>((resolve) => {
      const seen = table.rows;
      started.push({ seen, release: () => resolve(seen) });
    });
  return { run, started };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("SharedReads", () => {
  it("requests that arrive while a count runs share the next one, which sees what changed before they asked", async () => {
    const counts = new SharedReads<number>();
    const table = { rows: 10 };
    const { run, started } = countOf(table);
    const first = counts.read("q=corners", run);
    await settle();
    expect(started).toHaveLength(1);
    // A write commits while the first count runs; then three requests ask.
    table.rows = 11;
    const later = [counts.read("q=corners", run), counts.read("q=corners", run), counts.read("q=corners", run)];
    await settle();
    expect(started).toHaveLength(1);
    started[0].release();
    expect(await first).toBe(10);
    await settle();
    // One more count for the three of them, started after they asked.
    expect(started).toHaveLength(2);
    started[1].release();
    expect(await Promise.all(later)).toEqual([11, 11, 11]);
    // Nothing is kept: the next request counts again.
    const again = counts.read("q=corners", run);
    await settle();
    expect(started).toHaveLength(3);
    started[2].release();
    expect(await again).toBe(11);
  });

  it("different filters are counted separately", async () => {
    const counts = new SharedReads<number>();
    const { run, started } = countOf({ rows: 5 });
    const a = counts.read("q=corners", run);
    const b = counts.read("q=goals", run);
    await settle();
    expect(started).toHaveLength(2);
    for (const s of started) s.release();
    expect(await Promise.all([a, b])).toEqual([5, 5]);
  });

  it("a count that fails fails only the requests that shared it", async () => {
    const counts = new SharedReads<number>();
    let calls = 0;
    const failing = counts.read("k", async () => {
      calls++;
      throw new Error("connection lost");
    });
    const next = counts.read("k", async () => {
      calls++;
      return 7;
    });
    await expect(failing).rejects.toThrow("connection lost");
    expect(await next).toBe(7);
    expect(calls).toBe(2);
  });
});
