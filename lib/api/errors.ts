// The one error type of the browser's requests. A failure carries the server's problem+json body,
// extra fields included (`runId` of the run already going, `holder` of a platform id, `errors[]`
// by field), so components show the server's own words and put field errors beside their fields.
import { z } from "zod";
import { problemSchema } from "@/lib/contract/common";

export const problemBodySchema = problemSchema.extend({
  runId: z.number().int().optional().describe("409 from POST /api/scrape: the run already going"),
  holder: z.string().optional().describe("409 about a platform id: the mapping that holds it"),
  field: z.string().optional(),
  ids: z.array(z.number().int()).optional().describe("422 from POST /api/unmapped/bulk: the markets that refused the change"),
});
export type ProblemBody = z.infer<typeof problemBodySchema>;

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemBody | null;
  /** Server validation messages by field path, e.g. { "body.notes": "notes can be at most 2000 characters" }. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Seconds to wait before asking again, from Retry-After (429, 503); null when not given. */
  readonly retryAfter: number | null;

  constructor(status: number, message: string, problem: ProblemBody | null = null, retryAfter: number | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
    const fields: Record<string, string> = {};
    for (const e of problem?.errors ?? []) fields[e.field] ??= e.message;
    this.fieldErrors = fields;
  }

  /** Status 0: the request never got an answer (network down, server restarting). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A sentence for the user; the problem's detail when the server gave one. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return "Something went wrong";
}

/** Server field errors (e.g. "body.betpawaId"), empty for errors that name no field. */
export const fieldErrorsOf = (e: unknown): Readonly<Record<string, string>> => (isApiError(e) ? e.fieldErrors : {});

/** The markets a bulk change was refused for (unknown, or a change they do not allow); empty otherwise. */
export const offendingIdsOf = (e: unknown): number[] => (isApiError(e) ? (e.problem?.ids ?? []) : []);

/** The mapping holding a platform id, from a 409; null for any other error. */
export const holderOf = (e: unknown): string | null => (isApiError(e) ? (e.problem?.holder ?? null) : null);

/** The run already going, from a 409 of POST /api/scrape. */
export const runningRunOf = (e: unknown): number | undefined => (isApiError(e) && e.status === 409 ? e.problem?.runId : undefined);

export function describeFailure(status: number, problem: ProblemBody | null): string {
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  if (status >= 500) return `The server failed to answer (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}
