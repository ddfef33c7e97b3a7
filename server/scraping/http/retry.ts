// When a failed attempt is worth another one, and how long to wait first.
// BOOKMAKER-API.md 0 describes the reference (3 attempts, waits of 2 s then 4 s, only non-2xx
// retried). We keep its budget but retry what is transient (network errors, timeouts, 429, 5xx)
// and not what is deterministic (other 4xx, 3xx, bad JSON, bad envelopes), and add full jitter so
// the workers of one cycle do not retry in lock-step.

export interface RetryOptions {
  /** Attempts after the first one. */
  retries: number;
  /** Retry n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^n)). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest wait a Retry-After header can impose; a longer one is cut to this. */
  retryAfterMaxMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  retries: 2,
  baseDelayMs: 1_000,
  maxDelayMs: 10_000,
  retryAfterMaxMs: 30_000,
};

/** 429 and 5xx are the server saying "not now"; every other non-2xx will say the same again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Full-jitter exponential back-off before retry number `retry` (1-based). */
export function backoffMs(retry: number, options: RetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

const SECONDS = /^\d+$/;

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date (RFC 9110 10.2.3).
 * null when absent or unreadable, so the caller falls back to back-off.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (SECONDS.test(text)) return Number(text) * 1000;
  // Date.parse also takes ISO strings and bare years; an HTTP-date always names a weekday.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** The wait before retry `retry`: the server's Retry-After when it gave one (capped), else back-off. */
export function retryDelayMs(retry: number, retryAfterMs: number | null, options: RetryOptions, random: () => number): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, options.retryAfterMaxMs);
  return backoffMs(retry, options, random);
}
