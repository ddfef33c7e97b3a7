// Time as the HTTP client and sources see it. Injected so tests can run retry back-off and pacing
// without waiting real seconds, and so "already started" is decided against a known instant.
import { onAbort } from "./abort";

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Uniform in [0, 1); the source of back-off jitter. */
  random(): number;
}

export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("The operation was aborted");
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep(ms, signal) {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        resolve();
      }, ms);
      const stop = onAbort(signal, () => {
        clearTimeout(timer);
        reject(abortReason(signal));
      });
    });
  },
};
