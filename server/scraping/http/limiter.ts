// Per-bookmaker politeness: at most `concurrency` requests in flight, request starts at least
// `pacingMs` apart, and none before a time the bookmaker asked for (Retry-After speaks for the
// whole site, not for the one request that got it). A slot is held for one attempt only, never
// across a retry's back-off, so a request waiting to retry does not starve the others.
import { onAbort } from "./abort";
import { abortReason, type Clock } from "./clock";

export type Release = () => void;

export class RequestLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStart = 0;
  private notBefore = 0;

  constructor(
    private readonly concurrency: number,
    private readonly pacingMs: number,
    private readonly clock: Clock,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("concurrency must be a positive integer");
    if (!(pacingMs >= 0)) throw new Error("pacingMs must be >= 0");
  }

  get inFlight(): number {
    return this.active;
  }

  /** Waits for a slot and for this request's start time; the returned function frees the slot. */
  async acquire(signal: AbortSignal): Promise<Release> {
    if (signal.aborted) throw abortReason(signal);
    await this.slot(signal);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` never dips below the limit
      // while someone is queued.
      if (next) next();
      else this.active--;
    };
    // Reserved synchronously, so requests granted at the same instant get staggered starts.
    const now = this.clock.now();
    const start = Math.max(now, this.notBefore, this.pacingMs > 0 ? this.nextStart : 0);
    if (this.pacingMs > 0) this.nextStart = start + this.pacingMs;
    if (start > now) {
      try {
        await this.clock.sleep(start - now, signal);
      } catch (e) {
        release();
        throw e;
      }
    }
    return release;
  }

  /** No request starts before `at` (epoch ms); an earlier hold than the current one changes nothing. */
  holdUntil(at: number): void {
    this.notBefore = Math.max(this.notBefore, at);
  }

  private slot(signal: AbortSignal): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        stop();
        resolve();
      };
      const stop = onAbort(signal, () => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(abortReason(signal));
      });
      this.waiting.push(grant);
    });
  }
}
