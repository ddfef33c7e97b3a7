// How a bookmaker source is set up: where the API lives, how hard it may be hit, and how many
// events one cycle takes from it.
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
