// Identical reads asked for at the same time run once: a filtered list's capped total and the
// stats. A capped total (a search, a minimum count, an assignee) reads up to TOTAL_CAP + 1 rows and
// costs several times its page: on PGlite, whose one engine runs every statement in turn, 32 clients
// on the same search spent three quarters of the engine on 32 copies of one count. The stats are
// cheap, but every open dashboard asks for them, and all at once. That is what a team sees when a
// flush announces new markets and every open list and dashboard refetches.
//
// A read never answers a request that arrived after it started (it could miss a change committed
// in between): requests that arrive while one runs share the next one, started when it ends. So each
// answer still reflects every change committed before its request arrived, as a read of its own
// would, and at most two of one kind are in flight. Nothing is kept once a read has answered.
// Every request sharing a read gets the same value: callers must not change it.

export class SharedReads<T> {
  /** The read running for each key. */
  private readonly running = new Map<string, Promise<T>>();
  /** The read that starts when the running one ends, shared by the requests that arrived meanwhile. */
  private readonly waiting = new Map<string, Promise<T>>();

  /** What `run` gives, run at once or shared with the other requests for `key` that wait for the next one. */
  read(key: string, run: () => Promise<T>): Promise<T> {
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

  private start(key: string, run: () => Promise<T>): Promise<T> {
    const read = Promise.resolve().then(run);
    this.running.set(key, read);
    const done = () => {
      if (this.running.get(key) === read) this.running.delete(key);
    };
    read.then(done, done);
    return read;
  }
}
