// One real "abort" listener per signal, fanned out to any number of callbacks. A run's signal is
// shared by every request, wait and queue slot of the cycle; adding a listener for each would
// trip Node's MaxListenersExceededWarning at the eleventh and cost a closure per request.
type Callback = () => void;

const registry = new WeakMap<AbortSignal, Set<Callback>>();

/** Calls `fn` once when `signal` aborts (at once if it already has). Returns the unsubscribe. */
export function onAbort(signal: AbortSignal, fn: Callback): () => void {
  if (signal.aborted) {
    let live = true;
    queueMicrotask(() => live && fn());
    return () => {
      live = false;
    };
  }
  let callbacks = registry.get(signal);
  if (callbacks === undefined) {
    const set = new Set<Callback>();
    callbacks = set;
    registry.set(signal, set);
    signal.addEventListener(
      "abort",
      () => {
        registry.delete(signal);
        for (const cb of set) cb();
      },
      { once: true },
    );
  }
  const set = callbacks;
  set.add(fn);
  return () => {
    set.delete(fn);
  };
}
