// Preloaded (node --import) by a process test: once the server is up, throws an exception nobody
// catches and rejects a promise nobody handles, the way a bug in server code would.
const poll = setInterval(() => {
  if (!globalThis.__marketTriageRuntime) return;
  clearInterval(poll);
  setTimeout(() => {
    throw new Error("test fault: thrown from a timer in server code");
  }, 0);
  void Promise.reject(new Error("test fault: a rejected promise nobody awaited"));
}, 20);
poll.unref();
