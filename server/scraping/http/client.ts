// The JSON-over-HTTP client one bookmaker source uses: base URL + path, keep-alive, a timeout per
// attempt, retries for transient failures, a per-bookmaker concurrency limit and pacing, all
// abortable by the run's signal. Returns parsed JSON; the envelope is the caller's business.
import type http from "node:http";
import { SourceError } from "../errors";
import { abortReason, systemClock, type Clock } from "./clock";
import { RequestLimiter } from "./limiter";
import { isRetryableStatus, parseRetryAfter, retryDelayMs, type RetryOptions } from "./retry";
import { createAgent, exchange, type RawResponse } from "./transport";

export interface HttpClientOptions {
  /** Names the bookmaker in error messages, e.g. "SportyBet". */
  name: string;
  /** http(s) URL every request path is appended to (a path prefix in it is kept). */
  baseUrl: string;
  timeoutMs: number;
  concurrency: number;
  pacingMs: number;
  retry: RetryOptions;
  clock?: Clock;
  /** A body beyond this is refused (a real event is well under 1 MB; the S1 tree ~100 KB). */
  maxBodyBytes?: number;
}

export interface JsonRequest {
  method: "GET" | "POST";
  /** Starts with "/"; appended to the base URL's path. */
  path: string;
  /** In order, as sent; values are percent-encoded here. */
  query?: ReadonlyArray<readonly [string, string]>;
  headers: Readonly<Record<string, string>>;
  /** Serialised as JSON (content-type is the caller's header to set). */
  body?: unknown;
}

const DEFAULT_MAX_BODY = 32 * 1024 * 1024;
const SNIPPET = 60;

/** Why one attempt failed, and whether another could go differently. */
interface Failure {
  error: SourceError;
  retryable: boolean;
  retryAfterMs: number | null;
}

function reasonPhrase(status: number): string {
  if (status >= 300 && status < 400) return `HTTP ${status} (redirects are not followed)`;
  return `HTTP ${status}`;
}

function header(res: RawResponse, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class HttpClient {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly limiter: RequestLimiter;
  private readonly clock: Clock;
  private readonly maxBodyBytes: number;

  constructor(private readonly options: HttpClientOptions) {
    this.base = new URL(options.baseUrl);
    if (this.base.protocol !== "http:" && this.base.protocol !== "https:") {
      throw new Error(`${options.name}: base URL must be http(s), got ${options.baseUrl}`);
    }
    this.clock = options.clock ?? systemClock;
    this.limiter = new RequestLimiter(options.concurrency, options.pacingMs, this.clock);
    this.agent = createAgent(this.base, options.concurrency);
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  }

  /** Requests now in flight (tests use it to check the concurrency limit). */
  get inFlight(): number {
    return this.limiter.inFlight;
  }

  private url(path: string, query: JsonRequest["query"] = []): URL {
    const url = new URL(this.base.href);
    url.pathname = url.pathname.replace(/\/+$/, "") + path;
    url.search = new URLSearchParams(query.map(([k, v]) => [k, v])).toString();
    return url;
  }

  async json(request: JsonRequest, signal: AbortSignal): Promise<unknown> {
    const label = `${this.options.name} ${request.method} ${request.path}`;
    const body = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
    const attempts = this.options.retry.retries + 1;
    for (let attempt = 1; ; attempt++) {
      const failure = await this.attempt(request, body, label, signal).then(
        (res) => this.classify(res, label),
        (e: unknown) => {
          if (signal.aborted) throw abortReason(signal);
          if (e instanceof SourceError) {
            // Timeouts and network errors are transient by nature; an oversize or undecodable body is not.
            return { error: e, retryable: e.kind === "network" || e.kind === "timeout", retryAfterMs: null };
          }
          throw e;
        },
      );
      if (!("error" in failure)) return failure.value;
      const { error } = failure;
      if (!failure.retryable || attempt >= attempts) {
        if (attempt === 1) throw error;
        throw new SourceError(error.kind, `${error.message} (after ${attempt} attempts)`, error.status);
      }
      const delay = retryDelayMs(attempt, failure.retryAfterMs, this.options.retry, this.clock.random);
      if (failure.retryAfterMs === null) await this.clock.sleep(delay, signal);
      // The limiter makes this retry, and every other request to the bookmaker, wait it out.
      else this.limiter.holdUntil(this.clock.now() + delay);
    }
  }

  /** Frees the keep-alive sockets. */
  close(): void {
    this.agent.destroy();
  }

  private async attempt(request: JsonRequest, body: Buffer | undefined, label: string, signal: AbortSignal) {
    const release = await this.limiter.acquire(signal);
    try {
      return await exchange(
        this.agent,
        {
          method: request.method,
          url: this.url(request.path, request.query),
          headers: request.headers,
          body,
          timeoutMs: this.options.timeoutMs,
          maxBodyBytes: this.maxBodyBytes,
          label,
        },
        signal,
      );
    } finally {
      release();
    }
  }

  private classify(res: RawResponse, label: string): Failure | { value: unknown } {
    if (res.status < 200 || res.status > 299) {
      return {
        error: new SourceError("http", `${label}: ${reasonPhrase(res.status)}`, res.status),
        retryable: isRetryableStatus(res.status),
        retryAfterMs: parseRetryAfter(header(res, "retry-after"), this.clock.now()),
      };
    }
    const text = res.body.toString("utf8");
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      // A block or maintenance page says more in its first bytes than any parser message would.
      const start = text.slice(0, SNIPPET).replace(/\s+/g, " ");
      return {
        error: new SourceError("api", `${label}: body is not JSON (${res.body.length} bytes, starts ${JSON.stringify(start)})`, res.status),
        retryable: false,
        retryAfterMs: null,
      };
    }
  }
}
