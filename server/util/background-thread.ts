// A worker thread doing background work (the demo feed's generation and parsing) gives way to the
// server thread, which answers requests. On two cores a cycle kept the feed's thread, the database
// and the server thread all runnable, and a health request waited for the scheduler behind the
// feed's thread: /api/health p99 reached 50-64 ms in a cycle. At nice 10 the feed's thread runs
// when the server thread has nothing to do (p99 17-38 ms, and the cycle no slower).
import fs from "node:fs";
import os from "node:os";

/** How much lower than the server thread a background thread runs (a nice value, 0 to 19). */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's scheduling priority to BACKGROUND_NICE. Linux only: a thread is a
 * task with its own nice value there, named by /proc/thread-self. Elsewhere, or where the process
 * may not change it, the thread keeps its priority.
 * @returns whether the priority was lowered
 */
export function runInBackground(): boolean {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, BACKGROUND_NICE);
    return true;
  } catch {
    return false;
  }
}
