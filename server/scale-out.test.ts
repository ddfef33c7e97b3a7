// Two processes on one PostgreSQL: a scrape on one makes the other answer 409 naming the run, and a
// mapping made on one is used by the other's next scrape. PostgreSQL only (PGlite is one process).
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchServer, type ServerProcess } from "./testing/process";
import { waitFor } from "./testing/wait";
import { createDemoSource } from "@/server/scraping/sources/demo";
import { available, createPostgresDatabase } from "@/server/testing/databases";
import { gated } from "@/server/testing/gated-source";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { adminFetch } from "@/server/testing/auth";

// Redis carries Socket.IO messages between the processes when TEST_REDIS_URL names one (CI does).
const REDIS_URL = process.env.TEST_REDIS_URL;
const redisEnv: Record<string, string> = REDIS_URL ? { REDIS_URL } : {};

describe.skipIf(!available("postgres"))("two processes on one PostgreSQL", () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let a: TestServer;
  let b: ServerProcess;
  let bUrl = "";
  const source = gated(createDemoSource({ seed: 11, events: 4, newPerCycle: 0 }));

  beforeAll(async () => {
    db = await createPostgresDatabase();
    a = await startTestServer("postgres", { sources: [source], env: { DATABASE_URL: db.url, ...redisEnv } });
    b = launchServer({ DATABASE_URL: db.url, DEMO_SEED: "11", DEMO_EVENTS: "4", DEMO_NEW_PER_CYCLE: "0", ...redisEnv });
    bUrl = await b.url();
  });
  afterAll(async () => {
    b?.child.kill("SIGTERM");
    await a?.close();
    await db?.drop();
  });

  it.skipIf(!REDIS_URL)("delivers an alert published by one process to a client of the other (Redis adapter)", async () => {
    const socket: Socket = connect(bUrl, {
      transports: ["websocket"],
      auth: { token: a.token, topics: ["unmapped_alerts"] },
      reconnection: false,
    });
    await new Promise((resolve) => socket.once("connection_ack", resolve));
    const alert = new Promise<{ data: { count: number } }>((resolve) => socket.once("unmapped_alert", resolve));
    const run = await a.fetch(`/api/scrape?wait=true`, { method: "POST" });
    expect(run.status).toBe(200);
    const { newMarkets } = (await run.json()) as { newMarkets: number };
    expect(newMarkets).toBeGreaterThan(0);
    expect((await alert).data.count).toBe(newMarkets);
    socket.close();
  });

  it("never scrapes on two processes at once, and shares mapping changes", async () => {
    source.hold();
    const started = await a.fetch(`/api/scrape`, { method: "POST" });
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: number };
    const busy = await adminFetch(bUrl, `/api/scrape`, { method: "POST" });
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { runId: number }).runId).toBe(runId);
    source.release();
    await waitFor(`run ${runId} to finish`, async () => {
      const run = (await (await a.fetch(`/api/scrape/runs/${runId}`)).json()) as { status: string };
      return run.status !== "running";
    });

    const list = (await (await a.fetch(`/api/unmapped?source=sportybet&sort=occurrenceCount&pageSize=1`)).json()) as {
      items: { id: number; occurrenceCount: number; marketName: string }[];
    };
    const target = list.items[0];
    const mapped = await a.fetch(`/api/unmapped/${target.id}/map`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ canonicalId: "shared_mapping", name: target.marketName, betpawaId: "990200" }),
    });
    expect(mapped.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300)); // NOTIFY reaches the other process
    const runOnB = await adminFetch(bUrl, `/api/scrape?wait=true`, { method: "POST" });
    expect(runOnB.status).toBe(200);
    const after = (await (await adminFetch(bUrl, `/api/unmapped/${target.id}`)).json()) as { status: string; occurrenceCount: number };
    expect(after).toMatchObject({ status: "MAPPED", occurrenceCount: target.occurrenceCount });
  });
});
