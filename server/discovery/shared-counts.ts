// Identical counts asked for at the same time run once. A filtered list's total (a search, a
// minimum count, an assignee) reads up to TOTAL_CAP + 1 rows and costs several times its page: on
// PGlite, whose one engine runs every statement in turn, 32 clients on the same search spent three
// quarters of the engine on 32 copies of one count. That is what a team sees when a flush announces
// new markets and every open list refetches at once.
//
// A count never answers a request that arrived after it started (it could miss a change committed
// in between): requests that arrive while one runs share the next one, started when it ends. So each
// total still reflects every change committed before its request arrived, as a count of its own
// would, and at most two of one kind are in flight. Nothing is kept once a count has answered.

type Count = Promise<number>;

export class SharedCounts {
  /** The count running for each key. */
  private readonly running = new Map<string, Count>();
  /** The count that starts when the running one ends, shared by the requests that arrived meanwhile. */
  private readonly waiting = new Map<string, Count>();

  /** The count `run` gives, run at once or shared with the other requests for `key` that wait for the next one. */
  count(key: string, run: () => Count): Count {
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    const running = this.running.get(key);
    if (!running) return this.start(key, run);
    const ended = () => undefined;
    const next = running.then(ended, ended).then(() => {
      this.waiting.delete(key);
      return this.start(key, run);
    });
    this.waiting.set(key, next);
    return next;
  }

  private start(key: string, run: () => Count): Count {
    const count = Promise.resolve().then(run);
    this.running.set(key, count);
    const done = () => {
      if (this.running.get(key) === count) this.running.delete(key);
    };
    count.then(done, done);
    return count;
  }
}
