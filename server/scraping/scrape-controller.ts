// Starts scrape runs, on a schedule or on request, never two at once. A scheduled tick that finds
// a run going is skipped (coalesced); a manual request gets a 409 naming the running run.
import type { ScrapeRun } from "@/lib/contract/scrape";
import { conflict } from "@/server/http/errors";
import { log } from "@/server/log";
import { runCycle, type CycleDeps } from "./coordinator";

interface Current {
  runId: Promise<number>;
  done: Promise<ScrapeRun>;
  abort: AbortController;
  id: number | null;
}

export interface SchedulerStatus {
  enabled: boolean;
  intervalSeconds: number;
  running: boolean;
  currentRunId: number | null;
  nextRunAt: string | null;
}

export class ScrapeController {
  private current: Current | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextRunAt: Date | null = null;
  private stopped = false;

  /**
   * @param tryRunLock takes the database-wide run lock, so processes sharing one PostgreSQL never
   * scrape at once (null when another process holds it).
   */
  constructor(
    private readonly deps: CycleDeps,
    private readonly intervalSeconds: number,
    private readonly startDelaySeconds: number,
    private readonly tryRunLock: () => Promise<(() => Promise<void>) | null> = async () => async () => undefined,
  ) {}

  /** Starts a run now. Throws a 409 HttpError naming the running run when one is going. */
  async trigger(trigger: ScrapeRun["trigger"]): Promise<{ runId: number; done: Promise<ScrapeRun> }> {
    if (this.stopped) throw conflict("The server is shutting down");
    if (this.current) {
      const runId = await this.current.runId;
      throw conflict(`Scrape run ${runId} is already running`, { runId });
    }
    const abort = new AbortController();
    let release: (() => Promise<void>) | null = null;
    // `current` is set before the first await so two simultaneous requests can never both start.
    const runId = (async () => {
      release = await this.tryRunLock();
      if (!release) {
        const other = await this.deps.runs.running();
        throw conflict(`Scrape run ${other ?? "(starting)"} is already running on another server process`, { runId: other });
      }
      try {
        return await this.deps.runs.create(trigger);
      } catch (e) {
        await release();
        throw e;
      }
    })();
    const current: Current = {
      runId,
      abort,
      id: null,
      done: runId.then(async (id) => {
        current.id = id;
        try {
          return await runCycle(this.deps, id, abort.signal);
        } finally {
          await release?.().catch((e) => log.error("[scrape] could not release the run lock:", e));
        }
      }),
    };
    this.current = current;
    const clear = () => {
      if (this.current === current) this.current = null;
    };
    current.done.then(clear, (e) => {
      clear();
      log.error("[scrape] run failed:", e);
    });
    return { runId: await runId, done: current.done };
  }

  start(): void {
    if (this.intervalSeconds <= 0) return;
    this.schedule(this.startDelaySeconds * 1000);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.nextRunAt = new Date(Date.now() + ms);
    this.timer = setTimeout(() => {
      this.schedule(this.intervalSeconds * 1000);
      if (this.current) return; // coalesce with the run in progress
      this.trigger("schedule").catch((e) => {
        // Another process running the cycle is the normal case with several processes.
        if ((e as { status?: number }).status === 409) log.debug("[scrape] scheduled run skipped:", (e as Error).message);
        else log.error("[scrape] scheduled run could not start:", e);
      });
    }, ms);
    this.timer.unref();
  }

  status(): SchedulerStatus {
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
    const current = this.current;
    if (current) {
      current.abort.abort();
      await current.done.catch(() => undefined);
    }
  }
}
