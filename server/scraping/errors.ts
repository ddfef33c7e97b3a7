// Errors a source raises. `kind` decides what the coordinator does: every kind is recorded in the
// run; only "network" and "http" are worth retrying (the HTTP client decides that).
export type SourceErrorKind = "not_found" | "api" | "network" | "http" | "timeout";

export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "SourceError";
  }
}

/**
 * A scrape was asked for while one is going (in this process or another). The HTTP layer answers
 * 409 naming `runId`; the scheduler skips its tick. Recognised by shape (`isRunInProgress`), because
 * route handlers run in another module graph than the controller that throws it.
 */
export class RunInProgressError extends Error {
  readonly code = "RUN_IN_PROGRESS" as const;
  constructor(
    /** The running run; null only when it was still being created or had just finished. */
    readonly runId: number | null,
    elsewhere = false,
  ) {
    super(`Scrape run ${runId ?? "(starting)"} is already running${elsewhere ? " on another server process" : ""}`);
    this.name = "RunInProgressError";
  }
}

/** A scrape was asked for while the server shuts down: the HTTP layer answers 503 (try again shortly). */
export class ScrapeStoppedError extends Error {
  readonly code = "SCRAPE_STOPPED" as const;
  constructor() {
    super("The server is shutting down; no new scrape starts");
    this.name = "ScrapeStoppedError";
  }
}

export function isScrapeStopped(e: unknown): e is ScrapeStoppedError {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "SCRAPE_STOPPED";
}

export function isRunInProgress(e: unknown): e is RunInProgressError {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "RUN_IN_PROGRESS";
}
