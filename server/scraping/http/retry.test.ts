import { describe, expect, it } from "vitest";
import { backoffMs, DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, retryDelayMs } from "./retry";

const NOW = Date.parse("2030-01-05T15:00:00Z");

describe("retry policy", () => {
  it("retries 429 and 5xx only", () => {
    expect([429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 302, 304, 400, 401, 403, 404, 408, 410, 422, 600].some(isRetryableStatus)).toBe(false);
  });

  it("backs off exponentially with full jitter under a cap", () => {
    const opts = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 10_000 };
    // The ceiling doubles per retry (2 s, 4 s, 8 s, then the 10 s cap) and jitter spans all of it.
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, opts, () => 0.999999))).toEqual([1999, 3999, 7999, 9999, 9999]);
    expect(backoffMs(1, opts, () => 0)).toBe(0);
    expect(backoffMs(2, opts, () => 0.5)).toBe(2000);
  });

  it("reads Retry-After as seconds or an HTTP-date, and ignores anything else", () => {
    expect(parseRetryAfter("7", NOW)).toBe(7000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfter("Sat, 05 Jan 2030 15:00:12 GMT", NOW)).toBe(12_000);
    expect(parseRetryAfter("Sat, 05 Jan 2030 14:00:00 GMT", NOW)).toBe(0);
    expect(parseRetryAfter("Sat Jan  5 15:00:03 2030", NOW)).toBe(3000);
    for (const bad of [undefined, "", "-1", "1.5", "soon", "2030-01-05T15:00:12Z"]) {
      expect(parseRetryAfter(bad, NOW), String(bad)).toBeNull();
    }
  });

  it("honours Retry-After over back-off, capped", () => {
    const opts = { ...DEFAULT_RETRY, retryAfterMaxMs: 30_000 };
    expect(retryDelayMs(1, 7000, opts, () => 0.5)).toBe(7000);
    expect(retryDelayMs(1, 3_600_000, opts, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(1, null, opts, () => 0.5)).toBe(1000);
  });
});
