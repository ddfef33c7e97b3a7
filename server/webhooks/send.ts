// One delivery attempt: the event's body signed per Standard Webhooks (the standardwebhooks
// package, so any receiver's library verifies it) and POSTed with a deadline for the whole
// exchange, connect to last byte. During a secret rotation both secrets sign: the header carries
// both signatures, space-separated, and a receiver holding either verifies.
import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { guardedLookup, literalIsPrivate } from "./address-guard";

/** A new signing secret in the format receivers' libraries take: whsec_ + base64 of 24 random bytes. */
export const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

function signatureHeaders(eventId: string, body: string, secrets: readonly string[], at = new Date()) {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(eventId, at, body)).join(" "),
  };
}

export interface AttemptResult {
  /** The receiver's status; null when none came (network error, timeout, refused address). */
  status: number | null;
  durationMs: number;
  /** Retry-After in milliseconds, when the answer carried one. */
  retryAfterMs: number | null;
  error: string | null;
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
function retryAfterMs(value: string | undefined): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** How much of the receiver's answer is read (and then dropped): enough to finish the exchange. */
const MAX_ANSWER_BYTES = 64 * 1024;

export function postSigned(
  rawUrl: string,
  eventId: string,
  body: string,
  secrets: readonly string[],
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const deadline: { timer?: NodeJS.Timeout } = {};
    const done = (r: Omit<AttemptResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      resolve({ ...r, durationMs: elapsed() });
    };
    const url = new URL(rawUrl);
    if (!opts.allowPrivate && literalIsPrivate(url)) {
      return done({ status: null, retryAfterMs: null, error: `${url.hostname} is a private address (WEBHOOK_ALLOW_PRIVATE)` });
    }
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        "user-agent": "market-triage-webhooks",
        ...signatureHeaders(eventId, body, secrets),
      },
      ...(opts.allowPrivate ? {} : { lookup: guardedLookup }),
    });
    deadline.timer = setTimeout(() => {
      req.destroy();
      done({ status: null, retryAfterMs: null, error: `No answer within ${opts.timeoutMs} ms (WEBHOOK_TIMEOUT_MS)` });
    }, opts.timeoutMs);
    req.on("error", (e) => done({ status: null, retryAfterMs: null, error: e.message }));
    req.on("response", (res) => {
      let read = 0;
      res.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) res.destroy();
      });
      const finish = () =>
        done({
          status: res.statusCode ?? null,
          retryAfterMs: retryAfterMs(res.headers["retry-after"]),
          error: res.statusCode && res.statusCode < 300 ? null : `HTTP ${res.statusCode}`,
        });
      res.on("end", finish);
      res.on("close", finish);
      res.on("error", finish);
    });
    req.end(body);
  });
}
