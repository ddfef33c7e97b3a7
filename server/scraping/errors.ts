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
