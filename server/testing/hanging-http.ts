// An HTTP server that accepts requests and answers none of them until released: a bookmaker API
// for a child process whose scrape must stay in progress (the child's sources cannot be gated).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface HangingHttp {
  url: string;
  /** Requests received so far. */
  received: () => number;
  /** Answers every held request, and every later one until hold(), with a 503 (the scrape then ends). */
  releaseAll(): void;
  /** Requests from now on hang again. */
  hold(): void;
  close(): Promise<void>;
}

export async function startHangingHttp(): Promise<HangingHttp> {
  const held = new Set<http.ServerResponse>();
  let received = 0;
  let holding = true;
  const answer = (res: http.ServerResponse) => res.writeHead(503, { "content-type": "text/plain" }).end("released by the test");
  const server = http.createServer((_req, res) => {
    received++;
    if (!holding) return answer(res);
    held.add(res);
    res.on("close", () => held.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const releaseAll = () => {
    holding = false;
    for (const res of [...held]) {
      held.delete(res);
      answer(res);
    }
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => received,
    releaseAll,
    hold: () => (holding = true) && undefined,
    async close() {
      releaseAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Env for a child server whose only source is SportyBet at `url`, waiting (almost) forever. */
export const hangingSourceEnv = (url: string): Record<string, string> => ({
  SOURCES: "sportybet",
  SPORTYBET_BASE_URL: url,
  SPORTYBET_TIMEOUT_MS: "300000",
  SCRAPE_RETRIES: "0",
});
