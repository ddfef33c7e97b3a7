// What the server thread can see of the PGlite worker without asking it. A message to the worker
// waits until the statement it is running ends (PGlite runs it synchronously in WebAssembly), so a
// health ping sent during a 60 ms flush statement was answered 60 ms later, and one sent behind a
// queue of statements later still. The worker writes this shared memory around every statement it
// hands to the engine; the server thread reads it at once.

/** Int32 slots. PROGRESS: bumped whenever a statement enters or leaves the engine. IN_ENGINE: how many are in it. */
const PROGRESS = 0;
const IN_ENGINE = 1;
const INTS = 2;

export class EngineActivity {
  private readonly ints: Int32Array;
  /** Date.now() of the last enter or leave. */
  private readonly at: BigInt64Array;

  /** Made by the server thread; the worker builds its own view of the same `buffer`. */
  constructor(readonly buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * INTS + BigInt64Array.BYTES_PER_ELEMENT)) {
    this.ints = new Int32Array(buffer, 0, INTS);
    this.at = new BigInt64Array(buffer, Int32Array.BYTES_PER_ELEMENT * INTS, 1);
  }

  /** Worker: runs one statement (or commit) in the engine, marked as in it. */
  async around<T>(statement: () => Promise<T>): Promise<T> {
    this.mark(1);
    try {
      return await statement();
    } finally {
      this.mark(-1);
    }
  }

  private mark(delta: number): void {
    Atomics.store(this.at, 0, BigInt(Date.now()));
    Atomics.add(this.ints, IN_ENGINE, delta);
    Atomics.add(this.ints, PROGRESS, 1);
    Atomics.notify(this.ints, PROGRESS);
  }

  /** Server: a statement is in the engine and one entered or left it less than `ms` ago. */
  workingWithin(ms: number): boolean {
    return Atomics.load(this.ints, IN_ENGINE) > 0 && Date.now() - Number(Atomics.load(this.at, 0)) < ms;
  }

  /** Server: the progress count now, for `progressAfter`. */
  progress(): number {
    return Atomics.load(this.ints, PROGRESS);
  }

  /** Server: resolves when a statement enters or leaves the engine after `seen` was read; never after `ms` without. */
  progressAfter(seen: number, ms: number): Promise<true> {
    const waited = Atomics.waitAsync(this.ints, PROGRESS, seen, ms);
    const never = new Promise<true>(() => undefined);
    if (!waited.async) return waited.value === "not-equal" ? Promise.resolve(true) : never;
    return waited.value.then((v) => (v === "ok" ? true : never));
  }
}
