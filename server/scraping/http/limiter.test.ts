import { describe, expect, it } from "vitest";
import { recordingClock } from "@/server/testing/fake-bookmaker/recording-clock";
import { RequestLimiter } from "./limiter";

const signal = () => new AbortController().signal;

describe("RequestLimiter", () => {
  it("never lets more than `concurrency` through and hands freed slots on in order", async () => {
    const limiter = new RequestLimiter(2, 0, recordingClock());
    const order: string[] = [];
    const a = await limiter.acquire(signal());
    const b = await limiter.acquire(signal());
    const c = limiter.acquire(signal()).then((r) => (order.push("c"), r));
    const d = limiter.acquire(signal()).then((r) => (order.push("d"), r));
    await new Promise((r) => setImmediate(r));
    expect(limiter.inFlight).toBe(2);
    expect(order).toEqual([]);
    a();
    a(); // a second release of the same slot changes nothing
    (await c)();
    expect(order).toEqual(["c"]);
    b();
    (await d)();
    expect(order).toEqual(["c", "d"]);
    expect(limiter.inFlight).toBe(0);
  });

  it("spaces request starts `pacingMs` apart, even when granted at the same instant", async () => {
    const clock = recordingClock(1_000);
    const limiter = new RequestLimiter(10, 40, clock);
    await Promise.all([0, 1, 2].map(async () => (await limiter.acquire(signal()))()));
    // Each waits for its own start: 0, 40 and 80 ms after the instant all three were granted.
    expect(clock.sleeps).toEqual([40, 80]);
    // Once the gap has passed on its own, nobody waits.
    clock.advance(500);
    (await limiter.acquire(signal()))();
    expect(clock.sleeps).toEqual([40, 80]);
  });

  it("holds every start until a time the server asked for, on top of pacing", async () => {
    const clock = recordingClock(1_000);
    const limiter = new RequestLimiter(4, 10, clock);
    limiter.holdUntil(8_000);
    limiter.holdUntil(5_000); // an earlier hold does not shorten the current one
    await Promise.all([0, 1].map(async () => (await limiter.acquire(signal()))()));
    expect(clock.sleeps).toEqual([7_000, 7_010]);
  });

  it("gives up a queued wait when the run is aborted, and frees nothing it did not hold", async () => {
    const limiter = new RequestLimiter(1, 0, recordingClock());
    const held = await limiter.acquire(signal());
    const abort = new AbortController();
    const queued = limiter.acquire(abort.signal);
    abort.abort(new Error("run stopped"));
    await expect(queued).rejects.toThrow("run stopped");
    held();
    expect(limiter.inFlight).toBe(0);
    await expect(limiter.acquire(abort.signal)).rejects.toThrow("run stopped");
  });
});
