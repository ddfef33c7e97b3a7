// A Clock for tests: sleeps return at once (after a macrotask, so other work interleaves as it
// would) and are recorded, so back-off and pacing are asserted as numbers instead of waited for.
// `now` stands still unless the test moves it: concurrent sleeps cannot advance one shared clock
// truthfully, and a still clock makes every computed wait exact.
import { abortReason, type Clock } from "@/server/scraping/http/clock";

export interface RecordingClock extends Clock {
  /** Every sleep asked for, in order, in ms. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function recordingClock(start = Date.now(), random = () => 0.5): RecordingClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    random,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      if (signal.aborted) throw abortReason(signal);
      sleeps.push(ms);
      await new Promise((r) => setImmediate(r));
      if (signal.aborted) throw abortReason(signal);
    },
  };
}
