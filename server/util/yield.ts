// Long synchronous work never gives the event loop a turn by itself: awaiting a promise that is
// already resolved (a source answering from memory, a parser, PGlite's in-process replies) runs
// only microtasks, so timers, sockets, Socket.IO writes and HTTP requests all wait until the whole
// job ends. setImmediate callbacks run after the loop has polled for I/O, so awaiting one lets
// every pending request be served before the work goes on.
import { performance } from "node:perf_hooks";

/**
 * How long a yielding loop holds the event loop between turns. An /api/health answer needs 4-6
 * loop turns (measured), so a turn every 10 ms would already cost it 40-60 ms; a turn costs
 * microseconds, so it comes often.
 */
const LOOP_BUDGET_MS = 2;

/** Resolves in the loop's check phase, after it has polled for I/O: pending requests go first. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Yields only when `budgetMs` have passed since the loop last had a turn, so a tight loop pays for
 * one setImmediate per budget instead of one per iteration. One yielder is meant to be shared by
 * concurrent workers: once the budget is spent, every worker that asks waits for the same turn, so
 * the loop is held for about one budget (plus the items already started) whatever the concurrency.
 */
export class LoopYielder {
  private last = performance.now();
  private turn: Promise<void> | null = null;

  constructor(private readonly budgetMs = LOOP_BUDGET_MS) {}

  /** Await the result: a pending turn once the budget is spent, otherwise nothing to wait for. */
  yieldIfDue(): Promise<void> | undefined {
    if (this.turn) return this.turn;
    if (performance.now() - this.last < this.budgetMs) return undefined;
    this.turn = yieldToEventLoop().then(() => {
      this.turn = null;
      this.last = performance.now();
    });
    return this.turn;
  }
}
