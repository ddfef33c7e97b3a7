// One fake bookmaker for a whole describe block: started before its tests (handed to `started`),
// its faults and request log cleared after each test, closed at the end.
import { afterAll, afterEach, beforeAll } from "vitest";
import type { FakeWorld } from "./model";
import { startFakeBookmaker, type FakeBookmaker } from "./server";

export function useFakeBookmaker(world: () => FakeWorld, started: (fake: FakeBookmaker) => void): void {
  let fake: FakeBookmaker | undefined;
  beforeAll(async () => {
    fake = await startFakeBookmaker({ world: world() });
    started(fake);
  });
  afterEach(() => {
    fake?.clearFaults();
    fake?.resetLog();
  });
  afterAll(async () => fake?.close());
}
