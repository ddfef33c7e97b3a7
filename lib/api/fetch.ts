// The one fetch helper: JSON in and out, every response parsed with the contract's zod schema,
// every failure an ApiError.
import type { z } from "zod";
import { ApiError, describeFailure, problemBodySchema, type ProblemBody } from "./errors";

export interface RequestOptions extends Omit<RequestInit, "body"> {
  body?: unknown;
  /** A version to send as If-Match: the server answers 412 if the resource changed since. */
  ifMatch?: number | null;
}

async function problemOf(res: Response): Promise<ProblemBody | null> {
  try {
    const parsed = problemBodySchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Retry-After in seconds (delta-seconds or an HTTP date); null when absent or unreadable. */
function retryAfterOf(res: Response): number | null {
  const value = res.headers.get("retry-after");
  if (!value) return null;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : null;
}

export async function apiFetch<S extends z.ZodType>(schema: S, path: string, options: RequestOptions = {}): Promise<z.output<S>> {
  const { body, headers, ifMatch, ...init } = options;
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: {
        accept: "application/json",
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(ifMatch !== undefined && ifMatch !== null ? { "if-match": `"${ifMatch}"` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "Cannot reach the server. Check your connection; it will retry when you try again.");
  }
  if (!res.ok) {
    const problem = await problemOf(res);
    throw new ApiError(res.status, describeFailure(res.status, problem), problem, retryAfterOf(res));
  }
  // 204 has no body to read (a revoke); the schema decides whether nothing is an answer.
  const parsed = schema.safeParse(res.status === 204 ? undefined : await res.json());
  if (!parsed.success) {
    console.error(`[api] ${path}: response does not match the contract`, parsed.error.issues);
    throw new ApiError(res.status, "The server sent a response this page does not understand. Reload the page.");
  }
  return parsed.data;
}

/** A query string from defined values, in the order given. */
export function searchOf(values: Record<string, string | number | boolean | readonly string[] | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(key, v.join(","));
    } else p.set(key, String(v));
  }
  return p.toString();
}
