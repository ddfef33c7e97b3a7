// The browser's typed client for the REST API. Every response is parsed with the contract's zod
// schema, and every failure becomes an ApiError carrying the problem+json details, so components
// can show the server's own words and put field errors beside the fields they name.
import { z } from "zod";
import { problemSchema, type Problem } from "@/lib/contract/common";
import { scrapeAcceptedSchema, scrapeRunSchema, type ScrapeRun } from "@/lib/contract/scrape";
import {
  unmappedDetailSchema,
  unmappedListSchema,
  type UnmappedDetail,
  type UnmappedList,
  type UnmappedListQuery,
  type UnmappedPatch,
} from "@/lib/contract/unmapped";

// A 409 from POST /api/scrape names the run that is already going.
const problemBodySchema = problemSchema.extend({ runId: z.number().int().optional() });
type ProblemBody = z.infer<typeof problemBodySchema>;

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemBody | null;
  /** Server validation messages by field path, e.g. { "body.notes": "notes can be at most 2000 characters" }. */
  readonly fieldErrors: Readonly<Record<string, string>>;

  constructor(status: number, message: string, problem: ProblemBody | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
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
  if (isApiError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return "Something went wrong";
}

async function problemOf(res: Response): Promise<ProblemBody | null> {
  try {
    const parsed = problemBodySchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function describe(status: number, problem: Problem | null): string {
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  if (status >= 500) return `The server failed to answer (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}

interface RequestOptions extends Omit<RequestInit, "body"> {
  body?: unknown;
}

async function request<S extends z.ZodType>(schema: S, path: string, options: RequestOptions = {}): Promise<z.output<S>> {
  const { body, headers, ...init } = options;
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "Cannot reach the server. Check your connection; it will retry when you try again.");
  }
  if (!res.ok) {
    const problem = await problemOf(res);
    throw new ApiError(res.status, describe(res.status, problem), problem);
  }
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) {
    console.error(`[api] ${path}: response does not match the contract`, parsed.error.issues);
    throw new ApiError(res.status, "The server sent a response this page does not understand. Reload the page.");
  }
  return parsed.data;
}

/** Query string for GET /api/unmapped; defaults are sent explicitly so cache keys and URLs agree. */
export function unmappedSearchParams(query: UnmappedListQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (query.source?.length) p.set("source", query.source.join(","));
  if (query.status?.length) p.set("status", query.status.join(","));
  if (query.reason) p.set("reason", query.reason);
  if (query.minOccurrences !== undefined) p.set("minOccurrences", String(query.minOccurrences));
  if (query.q) p.set("q", query.q);
  p.set("sort", query.sort);
  p.set("order", query.order);
  p.set("page", String(query.page));
  p.set("pageSize", String(query.pageSize));
  return p;
}

export const api = {
  listUnmapped(query: UnmappedListQuery, signal?: AbortSignal): Promise<UnmappedList> {
    return request(unmappedListSchema, `/api/unmapped?${unmappedSearchParams(query)}`, { signal });
  },

  getUnmapped(id: number, signal?: AbortSignal): Promise<UnmappedDetail> {
    return request(unmappedDetailSchema, `/api/unmapped/${id}`, { signal });
  },

  /** `version` goes out as If-Match: the server answers 412 if someone changed the market since. */
  updateUnmapped(id: number, patch: UnmappedPatch, version: number): Promise<UnmappedDetail> {
    return request(unmappedDetailSchema, `/api/unmapped/${id}`, {
      method: "PATCH",
      headers: { "if-match": `"${version}"` },
      body: patch,
    });
  },

  /** Resolves with the new run's id; a 409 ApiError carries the running run's id in problem.runId. */
  async startScrape(): Promise<number> {
    const { runId } = await request(scrapeAcceptedSchema, "/api/scrape", { method: "POST" });
    return runId;
  },

  getScrapeRun(id: number, signal?: AbortSignal): Promise<ScrapeRun> {
    return request(scrapeRunSchema, `/api/scrape/runs/${id}`, { signal });
  },
};
