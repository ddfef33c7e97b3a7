// The real SportyBet and Bet9ja sources aimed at a fake bookmaker, set up for tests: short
// timeouts, and back-off waits that are recorded instead of slept (the clock's `now` stays real,
// so kick-offs are judged against the actual time); and a discovery report that keeps what it is told.
import { DEFAULT_RETRY } from "@/server/scraping/http/retry";
import { createBet9jaSource } from "@/server/scraping/sources/bet9ja/source";
import type { BookmakerSourceOptions } from "@/server/scraping/sources/options";
import type { DiscoveryReport } from "@/server/scraping/types";
import { createSportybetSource } from "@/server/scraping/sources/sportybet/source";
import { recordingClock, type RecordingClock } from "./recording-clock";
import type { FakeBookmaker } from "./server";

/** A source's options for a test against `fake`: every event, no pacing, recorded back-off waits. */
export function fakeSourceOptions(fake: FakeBookmaker, overrides: Partial<BookmakerSourceOptions> = {}): BookmakerSourceOptions {
  const clock: RecordingClock = { ...recordingClock(), now: () => Date.now() };
  return { baseUrl: fake.url, timeoutMs: 2_000, concurrency: 4, pacingMs: 0, retry: DEFAULT_RETRY, eventLimit: 0, clock, ...overrides };
}

export function fakeBookmakerSources(fake: FakeBookmaker, overrides: Partial<BookmakerSourceOptions> = {}) {
  const options = fakeSourceOptions(fake, overrides);
  const clock = options.clock as RecordingClock;
  const sportybet = createSportybetSource(options);
  const bet9ja = createBet9jaSource(options);
  return {
    sportybet,
    bet9ja,
    clock,
    list: [sportybet, bet9ja],
    close() {
      sportybet.client.close();
      bet9ja.client.close();
    },
  };
}

/** A DiscoveryReport that keeps every error and every (done, total) progress report it is given. */
export function recordingReport() {
  const errors: string[] = [];
  const progress: Array<[number, number]> = [];
  const report: DiscoveryReport = { error: (m) => errors.push(m), progress: (d, t) => progress.push([d, t]) };
  return { report, errors, progress };
}
