// The schedule a first-time user meets: the first run waits until a browser connects (or at most
// SCRAPE_START_DELAY_SECONDS), then the demo's first runs come SCRAPE_WARMUP_INTERVAL_SECONDS apart
// before the normal interval. Observed through /api/health's nextRunAt and the runs list.
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { Health } from "@/lib/contract/health";
import type { ScrapeRun } from "@/lib/contract/scrape";
import { fixtureSource } from "@/server/testing/fixture-source";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { waitFor } from "@/server/testing/wait";

const HOUR = 3600;

describe("the first scheduled runs", () => {
  let server: TestServer | undefined;
  let socket: Socket | undefined;
  afterEach(async () => {
    socket?.close();
    await server?.close();
    server = socket = undefined;
  });

  const nextRunAt = async () => {
    const health = (await (await fetch(`${server!.url}/api/health`)).json()) as Health;
    return health.scheduler.nextRunAt === null ? null : Date.parse(health.scheduler.nextRunAt);
  };
  const runs = async () => ((await (await server!.fetch(`/api/scrape/runs`)).json()) as { items: ScrapeRun[] }).items;

  it("start when a browser connects, then the demo's first runs come a warm-up interval apart, then the interval", async () => {
    server = await startTestServer("pglite", {
      env: {
        SCRAPE_INTERVAL_SECONDS: String(HOUR),
        SCRAPE_START_DELAY_SECONDS: String(HOUR),
        SCRAPE_WARMUP_RUNS: "3",
        SCRAPE_WARMUP_INTERVAL_SECONDS: "2",
      },
    });
    // Nobody watches yet: nothing runs, the first run waits its full delay.
    expect(await nextRunAt()).toBeGreaterThan(Date.now() + (HOUR - 60) * 1000);
    expect(await runs()).toEqual([]);

    socket = io(server.url, { path: "/socket.io", transports: ["websocket"], auth: { token: server.token }, reconnection: false });
    const first = await waitFor("the first run once a browser connected", async () => (await runs())[0]);
    expect(first.trigger).toBe("schedule");

    // Each scheduled tick sets the next one: record every nextRunAt until one is the hour away.
    const seen: number[] = [];
    await waitFor(
      "the schedule to reach the normal interval",
      async () => {
        const at = await nextRunAt();
        if (at !== null && at !== seen.at(-1)) seen.push(at);
        return at !== null && at > Date.now() + (HOUR - 60) * 1000;
      },
      120_000,
    );
    // Tick 1 (connect) -> tick 2 -> tick 3 two seconds apart (timers may fire late, never early); then an hour.
    const gaps = seen.slice(1).map((t, i) => t - seen[i]);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(gaps.at(-2)).toBeGreaterThanOrEqual(2_000);
    expect(gaps.at(-2)).toBeLessThan(3_500);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(HOUR * 1000);
    expect((await runs()).length).toBeGreaterThanOrEqual(2);
  });

  it("start after SCRAPE_START_DELAY_SECONDS when no browser connects; a bookmaker feed keeps its interval from the start", async () => {
    const started = Date.now();
    server = await startTestServer("pglite", {
      sources: [fixtureSource(2)],
      env: {
        SCRAPE_INTERVAL_SECONDS: String(HOUR),
        SCRAPE_START_DELAY_SECONDS: "2",
        SCRAPE_WARMUP_RUNS: "3",
        SCRAPE_WARMUP_INTERVAL_SECONDS: "2",
      },
    });
    const planned = (await nextRunAt())!;
    expect(planned).toBeGreaterThanOrEqual(started + 2_000);
    expect(planned).toBeLessThan(Date.now() + 2_500);
    const run = await waitFor("the first scheduled run", async () => (await runs())[0]);
    expect(run.trigger).toBe("schedule");
    expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(planned - 50);
    expect(await nextRunAt()).toBeGreaterThan(Date.now() + (HOUR - 60) * 1000);
  });
});
