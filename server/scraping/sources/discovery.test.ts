import { describe, expect, it } from "vitest";
import type { DiscoveredEvent, DiscoveryReport } from "../types";
import { fetchLists, upcoming } from "./discovery";

const at = (ref: string, ms: number): DiscoveredEvent => ({ source: "sportybet", ref, startsAt: new Date(ms) });

describe("upcoming", () => {
  it("drops started events and duplicates, sorts by kick-off then ref, and applies the limit", () => {
    const events = [at("c", 300), at("a", 200), at("b", 200), at("a", 900), at("past", 100), at("now", 150)];
    expect(upcoming(events, 150, 0).map((e) => e.ref)).toEqual(["a", "b", "c"]);
    expect(upcoming(events, 150, 2).map((e) => e.ref)).toEqual(["a", "b"]);
  });
});

describe("fetchLists", () => {
  const live = () => new AbortController().signal;
  const report = () => {
    const log: string[] = [];
    const r: DiscoveryReport = { error: (m) => log.push(`error ${m}`), progress: (d, t) => log.push(`${d}/${t}`) };
    return { r, log };
  };

  it("runs at most `concurrency` lists at once", async () => {
    let running = 0;
    let peak = 0;
    const tasks = Array.from({ length: 7 }, (_, i) => ({
      label: `list ${i}`,
      fetch: async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return [at(`e${i}`, 1000 + i)];
      },
    }));
    expect(await fetchLists(tasks, 3, live())).toHaveLength(7);
    expect(peak).toBe(3);
  });

  it("reports an empty tree as done, with no error", async () => {
    const { r, log } = report();
    expect(await fetchLists([], 3, live(), r)).toEqual([]);
    expect(log).toEqual(["0/0"]);
  });

  it("turns an abort into a rejection rather than per-list errors", async () => {
    const abort = new AbortController();
    const { r, log } = report();
    const tasks = [
      { label: "a", fetch: async () => (abort.abort(new Error("stop")), Promise.reject(new Error("cancelled"))) },
      { label: "b", fetch: async () => [] },
    ];
    await expect(fetchLists(tasks, 1, abort.signal, r)).rejects.toThrow("stop");
    expect(log).toEqual(["0/2"]);
  });
});
