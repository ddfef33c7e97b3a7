// Which runs are alive. The process running a run holds the run lock (a session advisory lock on
// PostgreSQL) and renews the run's heartbeat; a run whose process is gone is marked failed, with
// the reason, by whichever process notices first: at start and every heartbeat. A run is dead when
// - the run lock is free (a process running nothing itself could take it) and its heartbeat is
//   older than LOCK_FREE_GRACE heartbeats (a live owner whose lock connection dropped takes the
//   lock again and keeps beating in that time), or
// - its heartbeat is older than RUN_STALE_SECONDS, whatever the lock says.
import { log, type Log } from "@/server/log";
import type { RunStore, StaleRun } from "./run-store";

/** Takes the run lock if free; onLost is called if its connection is lost while held. */
export type TryRunLock = (onLost?: (e: Error) => void) => Promise<(() => Promise<void>) | null>;

export interface LivenessTiming {
  /** Seconds between two heartbeats of a running run (and two checks for dead runs). */
  heartbeatSeconds: number;
  /** A run whose heartbeat is older than this is dead even while its lock is held. */
  staleSeconds: number;
}

/** Heartbeats a lock-free run may miss before it is dead. */
const LOCK_FREE_GRACE = 3;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class RunLiveness {
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly runs: RunStore,
    private readonly tryRunLock: TryRunLock,
    private readonly timing: LivenessTiming,
    private readonly owner: string,
    private readonly busy: () => boolean,
  ) {}

  /** Takes the run lock for run `id` and renews its heartbeat until released; logs to the run's logger. */
  async hold(id: number, runLog: Log = log.child({ runId: id })): Promise<{ release(): Promise<void> }> {
    let unlock: (() => Promise<void>) | null = null;
    let ended = false;
    const take = async () => {
      const got = await this.tryRunLock((e) => {
        unlock = null;
        runLog.warn(
          `[scrape] the database connection holding the run lock was lost (${e.message}); ` +
            `the lock is gone, the run continues and takes the lock again at the next heartbeat`,
        );
      }).catch((e) => {
        runLog.warn(`[scrape] could not take the run lock: ${message(e)}`);
        return null;
      });
      if (got && ended) await got().catch(() => undefined);
      else unlock = got;
    };
    await take();

    let failing = false;
    let markedFailed = false;
    const beat = async () => {
      try {
        const running = await this.runs.heartbeat(id);
        if (!running && !markedFailed) {
          markedFailed = true;
          runLog.warn(
            "[scrape] the run was marked failed by another process (no heartbeat seen); it continues and writes its result at the end",
          );
        }
        if (!unlock && !ended) {
          await take();
          if (unlock) runLog.info("[scrape] run lock taken again");
        }
        if (failing) runLog.info("[scrape] heartbeat renewed again");
        failing = false;
      } catch (e) {
        if (!failing) runLog.warn(`[scrape] heartbeat failed (${message(e)}); retrying every ${this.timing.heartbeatSeconds} s`);
        failing = true;
      }
    };
    let inflight: Promise<void> | null = null;
    const timer = setInterval(() => {
      inflight ??= beat().finally(() => (inflight = null));
    }, this.timing.heartbeatSeconds * 1000);
    timer.unref();
    return {
      release: async () => {
        ended = true;
        clearInterval(timer);
        await inflight;
        const release = unlock as (() => Promise<void>) | null;
        unlock = null;
        await release?.().catch((e) => runLog.error("[scrape] could not release the run lock:", e));
      },
    };
  }

  /** Marks dead runs failed (never this process's own run); returns them. */
  async repair(): Promise<StaleRun[]> {
    const busy = this.busy();
    // A free lock only proves that nobody runs a scrape when this process does not run one itself.
    const unlock = busy ? null : await this.tryRunLock().catch(() => null);
    try {
      const failed = await this.runs.failStale({
        lockFree: unlock !== null,
        graceSeconds: LOCK_FREE_GRACE * this.timing.heartbeatSeconds,
        staleSeconds: this.timing.staleSeconds,
        mine: busy ? this.owner : null,
      });
      for (const r of failed) log.child({ runId: r.id }).warn(`[scrape] run marked failed: ${r.error}`);
      return failed;
    } finally {
      await unlock?.().catch(() => undefined);
    }
  }

  /** Checks for dead runs every heartbeat (the timer does not keep the process alive). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.checking) return;
      this.checking = true;
      this.repair()
        .catch((e) => log.debug(`[scrape] check for dead runs failed: ${message(e)}`))
        .finally(() => (this.checking = false));
    }, this.timing.heartbeatSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
