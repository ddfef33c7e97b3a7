// One HTTP exchange over node:http(s) with a keep-alive agent: send, read the whole (decompressed)
// body, give up after `timeoutMs` for the whole exchange. No retries and no status handling here;
// the client decides what a response means.
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import { SourceError } from "../errors";
import { onAbort } from "./abort";
import { abortReason } from "./clock";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Exchange {
  method: "GET" | "POST";
  url: URL;
  headers: Readonly<Record<string, string>>;
  body?: Buffer;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Short text naming the request in errors. */
  label: string;
}

export function createAgent(url: URL, maxSockets: number): http.Agent {
  const options = { keepAlive: true, maxSockets, scheduling: "lifo" as const };
  return url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
}

function decoded(res: http.IncomingMessage): Readable {
  switch ((res.headers["content-encoding"] ?? "").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return res.pipe(zlib.createGunzip());
    case "deflate":
      return res.pipe(zlib.createInflate());
    case "br":
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

/** Network failures (refused, reset, DNS, TLS) are one kind for the caller: worth a retry. */
function networkError(e: unknown, label: string): SourceError {
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const text = e instanceof Error ? e.message : String(e);
  return new SourceError("network", `${label}: ${code && !text.includes(code) ? `${code} ` : ""}${text}`);
}

export function exchange(agent: http.Agent, x: Exchange, signal: AbortSignal): Promise<RawResponse> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  const send = x.url.protocol === "https:" ? https.request : http.request;
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopAbort();
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(value as RawResponse);
    };

    const headers: Record<string, string> = { ...x.headers };
    if (x.body) headers["content-length"] = String(x.body.length);
    const req = send(x.url, { method: x.method, agent, headers });

    const timer = setTimeout(
      () => finish(new SourceError("timeout", `${x.label}: no complete response within ${x.timeoutMs} ms`)),
      x.timeoutMs,
    );
    const stopAbort = onAbort(signal, () => finish(abortReason(signal)));

    req.on("error", (e) => finish(networkError(e, x.label)));
    req.on("response", (res) => {
      const stream = decoded(res);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > x.maxBodyBytes) {
          finish(new SourceError("api", `${x.label}: response larger than ${x.maxBodyBytes} bytes`));
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on("error", (e) =>
        finish(
          e instanceof Error && "code" in e && String(e.code).startsWith("Z_")
            ? new SourceError("api", `${x.label}: body could not be decompressed (${e.message})`)
            : networkError(e, x.label),
        ),
      );
      if (stream !== res) res.on("error", (e) => finish(networkError(e, x.label)));
      res.on("close", () => {
        if (!res.complete) finish(new SourceError("network", `${x.label}: connection closed mid-response`));
      });
      stream.on("end", () => finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.end(x.body);
  });
}
