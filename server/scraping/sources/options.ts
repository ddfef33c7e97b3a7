// How a bookmaker source is set up: where the API lives, how hard it may be hit, and how many
// events one cycle takes from it; and how the configuration says so.
import type { Platform } from "@/lib/contract/enums";
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

/**
 * A bookmaker's options from the configuration: its own settings, named by its platform
 * (SPORTYBET_BASE_URL, _TIMEOUT_MS, _CONCURRENCY, _PACING_MS: a platform without them fails the
 * type check), and the retry and event limits every bookmaker shares.
 */
export function bookmakerOptions(config: Config, platform: Platform): BookmakerSourceOptions {
  const prefix = platform.toUpperCase() as Uppercase<Platform>;
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
