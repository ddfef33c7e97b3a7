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
export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new HttpError(409, "Conflict", detail, undefined, extra);
export const preconditionFailed = (detail: string) => new HttpError(412, "Precondition Failed", detail);
export const payloadTooLarge = (limit: number) =>
  new HttpError(413, "Content Too Large", `The request body may be at most ${limit} bytes`);
export const serviceUnavailable = (detail: string) => new HttpError(503, "Service Unavailable", detail);
