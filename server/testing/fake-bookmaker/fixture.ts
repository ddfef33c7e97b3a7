// One fake bookmaker for a whole describe block: started before its tests, its faults and request
// log cleared after each test, closed at the end; and the source under test aimed at it.
import { afterAll, afterEach, beforeAll } from "vitest";
import type { BookmakerSourceOptions } from "@/server/scraping/sources/options";
import type { FakeWorld } from "./model";
import { startFakeBookmaker, type FakeBookmaker } from "./server";
import { fakeSourceOptions } from "./sources";

/**
 * @param create the source under test (createSportybetSource, createBet9jaSource)
 * @returns `fake` (read it inside tests), `source(overrides)`: a source aimed at it, and `live()`: a signal never aborted.
 */
export function useFakeBookmaker<S>(world: () => FakeWorld, create: (options: BookmakerSourceOptions) => S) {
  let fake: FakeBookmaker | undefined;
  beforeAll(async () => {
    fake = await startFakeBookmaker({ world: world() });
  });
  afterEach(() => {
    fake?.clearFaults();
    fake?.resetLog();
  });
  afterAll(async () => fake?.close());
  return {
    get fake(): FakeBookmaker {
      if (!fake) throw new Error("the fake bookmaker runs only inside the block's hooks and tests");
      return fake;
    },
    source: (overrides: Partial<BookmakerSourceOptions> = {}) => create(fakeSourceOptions(fake!, overrides)),
    live: () => new AbortController().signal,
  };
}
