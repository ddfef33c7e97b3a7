// The yielder lets the event loop run during long synchronous work, and costs nothing until its
// budget is spent. Conditions are waited on with a generous limit, never timed.
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { LoopYielder } from "./yield";

const spin = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("LoopYielder", () => {
  it("lets a timer run while a tight loop goes on", async () => {
    const turns = new LoopYielder();
    let timer = false;
    setTimeout(() => (timer = true), 0);
    const deadline = performance.now() + 30_000;
    let iterations = 0;
    // Without turns this loop would spin to the deadline: the timer can only fire in a turn.
    while (!timer && performance.now() < deadline) {
      spin(0.2);
      iterations++;
      await turns.yieldIfDue();
    }
    console.log(`[yield] timer fired after ${iterations} iterations of 0.2 ms`);
    expect(timer).toBe(true);
  });

  it("asks for nothing before its budget is spent", () => {
    expect(new LoopYielder(60_000).yieldIfDue()).toBeUndefined();
  });

  it("gives concurrent workers one shared turn, and a new one once it has passed", async () => {
    const turns = new LoopYielder(0);
    const first = turns.yieldIfDue();
    expect(first).toBeInstanceOf(Promise);
    expect(turns.yieldIfDue()).toBe(first);
    await first;
    const second = turns.yieldIfDue();
    expect(second).toBeInstanceOf(Promise);
    expect(second).not.toBe(first);
    await second;
  });
});
