// The demo feed's thread runs below the server thread, so a cycle's background work does not keep
// requests waiting for a core; the server thread itself keeps its priority.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createDemoThreadSource } from "@/server/scraping/sources/demo/thread";
import { BACKGROUND_NICE } from "./background-thread";

/** Each thread of this process and its nice value (field 19 of /proc/…/stat). */
function niceByThread(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync("/proc/self/task")) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(") ") + 2).split(" ")[16]));
  }
  return out;
}

describe.runIf(process.platform === "linux")("background threads", () => {
  it("the demo feed's thread runs at a lower priority than the server thread", async () => {
    const before = niceByThread();
    const demo = createDemoThreadSource({ seed: 7, events: 6 });
    try {
      expect((await demo.discover(new AbortController().signal)).length).toBeGreaterThan(0);
      const after = niceByThread();
      const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === BACKGROUND_NICE);
      console.log(`[background] new threads at nice ${BACKGROUND_NICE}: ${lowered.length}; server thread at ${after.get(process.pid)}`);
      expect(lowered.length).toBe(1);
      expect(after.get(process.pid)).toBe(before.get(process.pid));
    } finally {
      await demo.close?.();
    }
  });
});
