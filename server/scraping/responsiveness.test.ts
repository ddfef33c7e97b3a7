// A scrape must not freeze the server: with a source that answers from memory (the demo), the
// cycle's workers never wait on real I/O, so without yielding every progress message and every
// HTTP request waited for the end of the run. A real server, a real Socket.IO client and real
// HTTP: progress arrives during the run, throttled, and /api/health is answered before it ends.
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverMessageSchemas, type ScrapeProgressData } from "@/lib/contract/realtime";
import { available, DB_KINDS } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { PROGRESS_EVERY_MS } from "./coordinator";
import { createDemoSource } from "./sources/demo";
import type { Source } from "./types";

const MATCHES = 300;
/** Synchronous work added to each event, standing in for the parse of a large payload. */
const WORK_PER_EVENT_MS = 2;

/**
 * The demo source with a floor on each event's synchronous cost, so the run lasts long enough for
 * several progress messages however fast the machine is. The work is done inside the call, before
 * the answer, exactly as a source that generates or parses synchronously does it.
 */
function heavyDemo(): Source {
  const demo = createDemoSource({ seed: 11, events: MATCHES, newPerCycle: 0 });
  return {
    name: demo.name,
    discover: (signal, report) => demo.discover(signal, report),
    fetchEvent(event, signal) {
      const until = performance.now() + WORK_PER_EVENT_MS;
      while (performance.now() < until);
      return demo.fetchEvent(event, signal);
    },
  };
}

function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: "/socket.io",
      transports: ["websocket"],
      auth: { token, topics: ["scrape_progress"] },
      reconnection: false,
    });
    socket.once("connection_ack", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

type Seen = { kind: "progress"; data: ScrapeProgressData } | { kind: "health"; status: number };

describe.each(DB_KINDS)("a demo scrape on %s leaves the server responsive", (kind) => {
  let server: TestServer;
  let socket: Socket | undefined;
  beforeAll(async () => {
    if (available(kind)) server = await startTestServer(kind, { sources: [heavyDemo()] });
  });
  afterAll(async () => {
    socket?.close();
    await server?.close();
  });

  it.skipIf(!available(kind))(
    "progress arrives during the run, throttled, and /api/health is answered before the run ends",
    async () => {
      socket = await connect(server.url, server.token);
      // The route's first request loads its module; what is measured is a warm server's answer.
      const warm = await fetch(`${server.url}/api/health`);
      await warm.arrayBuffer();
      expect(warm.status).toBe(200);
      // What the client sees, in the order it sees it, across the socket and the HTTP connection.
      const seen: Seen[] = [];
      let health: Promise<void> | undefined;
      const ended = new Promise<void>((resolve) =>
        socket!.on("scrape_progress", (raw) => {
          const { data } = serverMessageSchemas.scrape_progress.parse(raw);
          seen.push({ kind: "progress", data });
          if (data.phase === "scraping" && !health) {
            health = fetch(`${server.url}/api/health`).then(async (res) => {
              await res.arrayBuffer();
              seen.push({ kind: "health", status: res.status });
            });
          }
          if (data.phase === "completed" || data.phase === "failed") resolve();
        }),
      );
      const t0 = performance.now();
      const res = await server.fetch(`/api/scrape`, { method: "POST" });
      expect(res.status).toBe(202);
      const { runId } = (await res.json()) as { runId: number };
      await ended;
      const elapsed = performance.now() - t0;
      await health;

      const end = seen.findIndex((s) => s.kind === "progress" && (s.data.phase === "completed" || s.data.phase === "failed"));
      const before = seen.slice(0, end);
      const scraping = before.flatMap((s) => (s.kind === "progress" && s.data.phase === "scraping" ? [s.data] : []));
      const healthAt = seen.findIndex((s) => s.kind === "health");
      const currentAtHealth = seen
        .slice(0, healthAt)
        .flatMap((s) => (s.kind === "progress" && s.data.phase === "scraping" ? [s.data.current] : []))
        .at(-1);
      console.log(
        `[responsiveness ${kind}] ${scraping.length} scraping messages before completion (current ${scraping.map((d) => d.current).join(", ")}); ` +
          `/api/health answered ${healthAt >= 0 && healthAt < end ? `during the run, after ${currentAtHealth} of ${scraping.at(-1)?.total} events` : "only after the run"}; ` +
          `run took ${Math.round(elapsed)} ms`,
      );

      expect((seen[end] as Extract<Seen, { kind: "progress" }>).data).toMatchObject({ runId, phase: "completed" });
      expect(scraping.every((d) => d.runId === runId)).toBe(true);
      expect(scraping.length).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < scraping.length; i++) expect(scraping[i].current).toBeGreaterThan(scraping[i - 1].current);
      expect(scraping.at(-1)).toMatchObject({ current: 2 * MATCHES, total: 2 * MATCHES });
      // Answered while the run was going: before its completion message reached the same client.
      expect(seen[healthAt]).toEqual({ kind: "health", status: 200 });
      expect(healthAt).toBeLessThan(end);
      // ...and while events were still being scraped, not only in the run's closing writes.
      expect(currentAtHealth).toBeLessThan(2 * MATCHES);
      // Still throttled: one message per PROGRESS_EVERY_MS at most, plus the final count.
      expect(scraping.length).toBeLessThanOrEqual(Math.floor(elapsed / PROGRESS_EVERY_MS) + 2);
    },
    180_000,
  );
});
