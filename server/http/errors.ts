// Errors that become RFC 9457 problem+json responses. Route handlers run in Next's module graph
// and services in the server's, so one class can exist twice: recognise them by shape, never by
// instanceof.
export interface FieldError {
  field: string;
  message: string;
}

export class HttpError extends Error {
  readonly isHttpError = true as const;
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
    /** Response headers the answer needs (Retry-After, WWW-Authenticate). */
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = "HttpError";
  }
}

export function isHttpError(e: unknown): e is HttpError {
  return typeof e === "object" && e !== null && (e as { isHttpError?: unknown }).isHttpError === true;
}

export const notFound = (what: string) => new HttpError(404, "Not Found", `${what} does not exist`);
export const badRequest = (detail: string, errors?: FieldError[]) => new HttpError(400, "Bad Request", detail, errors);
export const conflict = (detail: string, extra?: Record<string, unknown>) => new HttpError(409, "Conflict", detail, undefined, extra);
export const unprocessable = (detail: string, errors?: FieldError[]) => new HttpError(422, "Unprocessable Content", detail, errors);
export const preconditionFailed = (detail: string) => new HttpError(412, "Precondition Failed", detail);
export const payloadTooLarge = (limit: number) => new HttpError(413, "Content Too Large", `The request body may be at most ${limit} bytes`);
export const unauthorized = (detail = "Sign in, or send Authorization: Bearer <token>") =>
  new HttpError(401, "Unauthorized", detail, undefined, undefined, { "www-authenticate": 'Bearer realm="market-triage"' });
export const forbidden = (detail: string) => new HttpError(403, "Forbidden", detail);
export const unsupportedMediaType = (detail: string) => new HttpError(415, "Unsupported Media Type", detail);
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpError(429, "Too Many Requests", detail, undefined, undefined, {
    "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
export const serviceUnavailable = (detail: string) => new HttpError(503, "Service Unavailable", detail);

// Database outages, recognised by shape: pg's errors, Prisma's, and Prisma's driver-adapter
// wrappers of pg's all carry the evidence somewhere in code, kind, cause or meta.
const NET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNABORTED",
  // The embedded database's worker thread died (server/db/pglite-thread): every query fails.
  "WORKER_GONE",
]);
/** 57014 statement timeout / cancel, 57P01-03 shutdown, 25P03 idle-in-transaction timeout. */
const SQLSTATES = new Set(["57014", "57P01", "57P02", "57P03", "25P03"]);
/** Can't reach, timed out, closed connection, pool timeout (a transaction that could not start in time: MESSAGES). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection closed|Can't reach database server|terminating connection|canceling statement due to statement timeout|Transaction API error: Unable to start a transaction in the given time/i;

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (typeof e !== "object" || e === null || depth > 6) return false;
  const x = e as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown; originalCode?: unknown };
  for (const code of [x.code, x.originalCode]) {
    if (typeof code !== "string") continue;
    if (NET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATES.has(code)) return true;
    if (/^(08|53)[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof x.kind === "string" && ADAPTER_KINDS.has(x.kind)) return true;
  if (typeof x.message === "string" && MESSAGES.test(x.message)) return true;
  const meta = x.meta as { driverAdapterError?: unknown } | undefined;
  return isDatabaseUnavailable(x.cause, depth + 1) || isDatabaseUnavailable(meta?.driverAdapterError, depth + 1);
}

/** Seconds a client should wait before trying again while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
