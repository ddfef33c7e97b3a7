// How a bookmaker source is set up: where the API lives, how hard it may be hit, and how many
// events one cycle takes from it; and how the configuration says so.
import type { Config } from "@/server/config";
import type { Clock } from "../http/clock";
import type { RetryOptions } from "../http/retry";

export interface BookmakerSourceOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Requests in flight to this bookmaker at most, discovery and event fetches alike. */
  concurrency: number;
  /** Minimum gap between the starts of two requests to this bookmaker. */
  pacingMs: number;
  retry: RetryOptions;
  /** Events per cycle at most, soonest kick-off first; 0 = all. */
  eventLimit: number;
  clock?: Clock;
}

/** The prefix of a bookmaker's own settings: <PREFIX>_BASE_URL, _TIMEOUT_MS, _CONCURRENCY and _PACING_MS. */
export type SettingsPrefix = keyof Config extends infer K ? (K extends `${infer P}_BASE_URL` ? P : never) : never;

/** A bookmaker's options from the configuration: its own settings, and the retry and event limits all share. */
export function bookmakerOptions(config: Config, prefix: SettingsPrefix): BookmakerSourceOptions {
  return {
    baseUrl: config[`${prefix}_BASE_URL`],
    timeoutMs: config[`${prefix}_TIMEOUT_MS`],
    concurrency: config[`${prefix}_CONCURRENCY`],
    pacingMs: config[`${prefix}_PACING_MS`],
    retry: {
      retries: config.SCRAPE_RETRIES,
      baseDelayMs: config.SCRAPE_RETRY_BASE_MS,
      maxDelayMs: config.SCRAPE_RETRY_MAX_MS,
      retryAfterMaxMs: config.SCRAPE_RETRY_AFTER_MAX_MS,
    },
    eventLimit: config.SCRAPE_EVENT_LIMIT,
  };
}
