// Starts scrape runs, on a schedule or on request, never two at once. A scheduled tick that finds
// a run going is skipped (coalesced); a manual request gets RunInProgressError naming the running
// run (409 over HTTP). "Never two at once" holds across processes: a run is created by claiming the
// one running slot in the database (run-store.ts), which a second INSERT cannot do.
//
// The schedule is made for a first start: the first run waits for someone to watch (a browser
// connecting over Socket.IO) or at most `startDelaySeconds`, and the first `warmupRuns` runs come
// `warmupIntervalSeconds` apart before the normal interval, so a new user sees discoveries arrive.
import os from "node:os";
import { randomUUID } from "node:crypto";
import type { Health } from "@/lib/contract/health";
import type { ScrapeRun } from "@/lib/contract/scrape";
import { log, type Log } from "@/server/log";
import { runCycle, type CycleDeps } from "./coordinator";
import { isRunInProgress, RunInProgressError, ScrapeStoppedError } from "./errors";
import { RunLiveness, type LivenessTiming, type TryRunLock } from "./run-liveness";

/** When scheduled runs happen; see the file's opening comment. */
export interface SchedulePlan {
  /** Seconds between scheduled runs; 0 turns the schedule off (manual runs still work). */
  intervalSeconds: number;
  /** The longest wait before the first scheduled run. */
  startDelaySeconds: number;
  /** Resolves when the first run should start at once (a browser connected). */
  startSooner?: Promise<unknown>;
  /** How many first scheduled runs come warmupIntervalSeconds apart (0: none). */
  warmupRuns?: number;
  warmupIntervalSeconds?: number;
}

interface Current {
  runId: Promise<number>;
  done: Promise<ScrapeRun>;
  abort: AbortController;
  id: number | null;
  /** The run's logger (its lines carry the runId), once the run exists. */
  log: Log | null;
}

export class ScrapeController {
  private current: Current | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Scheduled ticks so far (a tick that coalesced with a run in progress counts too). */
  private ticks = 0;
  private nextRunAt: Date | null = null;
  private stopped = false;
  /** This process in the runs it owns: host, pid and a random instance id (pids are reused). */
  readonly owner = `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly liveness: RunLiveness;

  /**
   * @param tryRunLock takes the database-wide run lock (null when another process holds it): held
   * while a run goes, it tells other processes sharing one PostgreSQL that the run's owner lives.
   */
  constructor(
    private readonly deps: CycleDeps,
    private readonly plan: SchedulePlan,
    tryRunLock: TryRunLock = async () => async () => undefined,
    timing: LivenessTiming = { heartbeatSeconds: 5, staleSeconds: 60 },
  ) {
    this.liveness = new RunLiveness(deps.runs, tryRunLock, timing, this.owner, () => this.current !== null);
  }

  private get intervalSeconds(): number {
    return this.plan.intervalSeconds;
  }

  /** Starts a run now. Throws RunInProgressError naming the running run when one is going. */
  async trigger(trigger: ScrapeRun["trigger"]): Promise<{ runId: number; done: Promise<ScrapeRun> }> {
    if (this.stopped) throw new ScrapeStoppedError();
    if (this.current) {
      const busy = this.current;
      const runId = await busy.runId;
      // The run's row says finished a moment before this process lets go of it (the run lock is
      // released after): a request that saw it finished waits for that, rather than get a 409.
      if ((await this.deps.runs.get(runId).catch(() => null))?.status === "running") throw new RunInProgressError(runId);
      await busy.done.catch(() => undefined);
      return this.trigger(trigger);
    }
    const abort = new AbortController();
    // `current` is set before the first await so two simultaneous requests here never both claim;
    // the database claim covers other processes.
    const runId = this.claim(trigger);
    const current: Current = {
      runId,
      abort,
      id: null,
      log: null,
      done: runId.then(async (id) => {
        current.id = id;
        const runLog = (current.log = log.child({ runId: id }));
        const held = await this.liveness.hold(id, runLog);
        try {
          return await runCycle(this.deps, id, abort.signal, runLog);
        } catch (e) {
          // Its result could not be written (the database failed at the end): say so if it still
          // can; if not, the check for dead runs marks it failed once its heartbeat is old.
          const error = `The run could not finish: ${e instanceof Error ? e.message.replace(/\s+/g, " ").slice(0, 300) : String(e)}`;
          await this.deps.runs.finish(id, { status: "failed", sources: {}, error }).catch(() => undefined);
          throw e;
        } finally {
          await held.release();
        }
      }),
    };
    this.current = current;
    const clear = () => {
      if (this.current === current) this.current = null;
    };
    current.done.then(clear, (e) => {
      clear();
      // A run that never started (its claim was refused or failed) is the caller's error to report.
      if (current.log === null) log.debug(`[scrape] no run started: ${e instanceof Error ? e.message : String(e)}`);
      else current.log.error("[scrape] run failed:", e);
    });
    return { runId: await runId, done: current.done };
  }

  /** Claims the running slot; if a dead process holds it, repairs that run and claims again. */
  private async claim(trigger: ScrapeRun["trigger"]): Promise<number> {
    try {
      return await this.deps.runs.claim(trigger, this.owner);
    } catch (e) {
      if (!isRunInProgress(e) || e.runId === null) throw e;
      const repaired = await this.liveness.repair();
      if (!repaired.some((r) => r.id === e.runId)) throw e;
      return this.deps.runs.claim(trigger, this.owner);
    }
  }

  /** Marks failed the runs whose process is gone (at start; then every heartbeat, see start()). */
  repairStale() {
    return this.liveness.repair();
  }

  start(): void {
    this.liveness.start();
    if (this.intervalSeconds <= 0) return;
    this.schedule(this.plan.startDelaySeconds * 1000);
    // Someone is watching: the first run need not wait any longer.
    void this.plan.startSooner?.then(() => {
      if (this.ticks === 0 && !this.stopped) this.schedule(0);
    });
  }

  /** The wait after scheduled run number `ticks` (1-based): warm-up runs first, then the interval. */
  private gapAfter(ticks: number): number {
    const { warmupRuns = 0, warmupIntervalSeconds = this.intervalSeconds } = this.plan;
    return (ticks < warmupRuns ? Math.min(warmupIntervalSeconds, this.intervalSeconds) : this.intervalSeconds) * 1000;
  }

  /** Plans the next tick `ms` after `from` (now, or the tick that just fired). */
  private schedule(ms: number, from = Date.now()) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const at = from + ms;
    this.nextRunAt = new Date(at);
    this.timer = setTimeout(
      () => {
        this.ticks++;
        // Node may fire a timer a millisecond before Date.now() reaches its time; counting the next
        // gap from the planned time (or later, if it fired late) keeps every gap at least its length.
        this.schedule(this.gapAfter(this.ticks), Math.max(Date.now(), at));
        if (this.current) return; // coalesce with the run in progress
        this.trigger("schedule").catch((e) => {
          // Another process running the cycle is the normal case with several processes.
          if (isRunInProgress(e)) log.debug("[scrape] scheduled run skipped:", e.message);
          else log.error("[scrape] scheduled run could not start:", e);
        });
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref();
  }

  status(): Health["scheduler"] {
    return {
      enabled: this.intervalSeconds > 0 && !this.stopped,
      intervalSeconds: this.intervalSeconds,
      running: this.current !== null,
      currentRunId: this.current?.id ?? null,
      nextRunAt: this.nextRunAt && this.intervalSeconds > 0 && !this.stopped ? this.nextRunAt.toISOString() : null,
    };
  }

  /** Stops the schedule and the run in progress; resolves when that run has written its result. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.liveness.stop();
    const current = this.current;
    if (current) {
      current.abort.abort();
      await current.done.catch(() => undefined);
    }
  }
}
