// A webhook receiver for tests: a real HTTP server on 127.0.0.1 that verifies every request with
// the standardwebhooks library (as a tool would), answers as the test scripts it (2xx, an error
// status, 429 with Retry-After, or no answer at all), and records what it got. `accepted` is the
// application's view: each webhook-id it answered 2xx to, in order, once per id (dedupe).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** What to answer to one request: a status (with headers), or "hang" (never answer). */
type Answer = { status: number; headers?: Record<string, string> } | "hang";

interface ReceivedRequest {
  id: string;
  /** The request's path and query (tests tell endpoints apart by it). */
  path: string;
  verified: boolean;
  body: { type: string; timestamp: string; data: unknown };
  answered: number | null;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order. */
  requests: ReceivedRequest[];
  /** The bodies of the ids answered 2xx, first time only (per path), in order. */
  accepted: ReceivedRequest[];
  /** Ids answered 2xx more than once (a second 2xx of one id is a duplicate sent to a receiver that had it). */
  duplicates: string[];
  /** The secrets to verify with (any of them); set after the endpoint is created. */
  secrets: string[];
  answer: (n: number, req: ReceivedRequest) => Answer;
  close(): Promise<void>;
}

export async function startWebhookReceiver(answer: WebhookReceiver["answer"] = () => ({ status: 204 })): Promise<WebhookReceiver> {
  const hanging = new Set<http.ServerResponse>();
  const seen = new Set<string>();
  const receiver: WebhookReceiver = {
    url: "",
    requests: [],
    accepted: [],
    duplicates: [],
    secrets: [],
    answer,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const verified = receiver.secrets.some((s) => {
        try {
          new Webhook(s).verify(raw, headers);
          return true;
        } catch {
          return false;
        }
      });
      const got: ReceivedRequest = { id: headers["webhook-id"], path: req.url ?? "", verified, body: JSON.parse(raw), answered: null };
      receiver.requests.push(got);
      const a = receiver.answer(receiver.requests.length, got);
      if (a === "hang") {
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      }
      got.answered = a.status;
      if (a.status >= 200 && a.status < 300) {
        // One id per endpoint: tests with several endpoints tell them apart by the path.
        const key = `${got.path} ${got.id}`;
        if (seen.has(key)) receiver.duplicates.push(got.id);
        else {
          seen.add(key);
          receiver.accepted.push(got);
        }
      }
      res.writeHead(a.status, a.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}
