// Runs whose process is gone, with real processes: kill -9 of the process running a scrape (the
// other process, or the next start, marks the run failed with the reason and frees the slot), a
// lost run-lock connection (logged, never an uncaught exception; the run goes on), and scrape
// requests racing across two processes. PostgreSQL, and PGlite restarted after kill -9.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCKS } from "@/server/db/locks";
import { createDemoSource } from "@/server/scraping/sources/demo";
import { available, createPostgresDatabase } from "@/server/testing/databases";
import { gated } from "@/server/testing/gated-source";
import { hangingSourceEnv, startHangingHttp, type HangingHttp } from "@/server/testing/hanging-http";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { launchServer, type ServerProcess } from "@/server/testing/process";
import { waitFor } from "@/server/testing/wait";
import { adminFetch } from "@/server/testing/auth";

const post = (url: string) => adminFetch(url, `/api/scrape`, { method: "POST" });

/** Starts a scrape on `proc`, waits until it is fetching from the hanging bookmaker, then kill -9s the process: its run is left running. */
async function killMidRun(proc: ServerProcess, hang: HangingHttp): Promise<number> {
  const started = await post(await proc.url());
  expect(started.status).toBe(202);
  const { runId } = (await started.json()) as { runId: number };
  await waitFor("the scrape to reach SportyBet", () => (hang.received() > 0 ? true : undefined));
  proc.child.kill("SIGKILL");
  await proc.exited;
  return runId;
}

interface RunRow {
  status: string;
  error: string | null;
  owner: string | null;
  heartbeat_at: Date | null;
}

describe.skipIf(!available("postgres"))("runs across two processes on one PostgreSQL", () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let hang: HangingHttp;
  let b: TestServer;
  let a: ServerProcess;
  let aUrl = "";
  let direct: pg.Client;
  const source = gated(createDemoSource({ seed: 3, events: 4, newPerCycle: 0 }));
  const runOf = async (id: number) =>
    (await direct.query<RunRow>("SELECT status, error, owner, heartbeat_at FROM scrape_runs WHERE id = $1", [id])).rows[0];
  // A's connections carry application_name (PGAPPNAME): B also takes the lock, for a moment, to check.
  const lockHolder = async () =>
    (
      await direct.query<{ pid: number }>(
        `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND a.application_name = 'liveness-a'
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [LOCKS.scrapeRun],
      )
    ).rows[0]?.pid;

  beforeAll(async () => {
    db = await createPostgresDatabase();
    hang = await startHangingHttp();
    // B runs in this process (its source is gated by the test) and checks for dead runs every second.
    b = await startTestServer("postgres", { sources: [source], env: { DATABASE_URL: db.url, RUN_HEARTBEAT_SECONDS: "1" } });
    // A is a real process whose SportyBet never answers, so its scrape stays in progress.
    a = launchServer({ DATABASE_URL: db.url, RUN_HEARTBEAT_SECONDS: "1", PGAPPNAME: "liveness-a", ...hangingSourceEnv(hang.url) });
    aUrl = await a.url();
    direct = new pg.Client({ connectionString: db.url });
    await direct.connect();
  });
  afterAll(async () => {
    a?.child.kill("SIGKILL");
    await b?.close();
    await hang?.close();
    await direct?.end();
    await db?.drop();
  });

  it("10 concurrent POST /api/scrape over both processes start one run; the other 9 get 409 naming it", async () => {
    source.hold();
    hang.hold();
    const urls = [b.url, aUrl];
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => post(urls[i % 2])));
    const statuses = responses.map((r) => r.status);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { runId: number }[];
    console.log(
      `[two processes] 10 concurrent scrape requests: ${statuses.filter((s) => s === 202).length} x 202, ${statuses.filter((s) => s === 409).length} x 409`,
    );
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const runId = bodies[statuses.indexOf(202)].runId;
    for (const body of bodies) expect(body.runId).toBe(runId);
    source.release();
    hang.releaseAll();
    await waitFor("the run to end", async () => ((await runOf(runId)).status === "running" ? undefined : true));
  }, 180_000);

  it("a lost run-lock connection is logged, not an uncaught exception; the run goes on and takes the lock again", async () => {
    hang.hold();
    const received = hang.received();
    const started = await post(aUrl);
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: number };
    await waitFor("A's scrape to reach SportyBet", () => (hang.received() > received ? true : undefined));
    const first = await waitFor("A to hold the run lock", lockHolder);
    await direct.query("SELECT pg_terminate_backend($1)", [first]);

    // Without an error listener on that client, Next prints "uncaughtException" with pg's stack.
    await waitFor("A to report the lost lock", () => (/holding the run lock was lost|uncaught/i.test(a.output()) ? true : undefined));
    expect(a.output()).not.toMatch(/uncaught|unhandled/i);
    expect(a.output()).toMatch(
      /the run lock was lost \(terminating connection due to administrator command\); the lock is gone, the run continues/,
    );
    const second = await waitFor("A to take the lock again", async () => {
      const pid = await lockHolder();
      return pid && pid !== first ? pid : undefined;
    });
    // B checks every second; the owner lives and beats, so the run is not taken for dead.
    const beat = (await runOf(runId)).heartbeat_at!.getTime();
    await waitFor("two more heartbeats", async () => ((await runOf(runId)).heartbeat_at!.getTime() > beat + 1500 ? true : undefined));
    const run = await runOf(runId);
    console.log(`[two processes] lock backend ${first} terminated; lock taken again by backend ${second}; run ${runId} is ${run.status}`);
    expect(run.status).toBe("running");
    expect((await fetch(`${aUrl}/api/health`)).status).toBe(200);
    const out = a.output();
    expect(out).not.toMatch(/uncaught|unhandled/i);
    // Every mention of the terminated connection is one of our log lines (a JSON record whose
    // message is ours), not a stack trace.
    for (const line of out.split("\n").filter((l) => /terminating connection/.test(l))) {
      expect((JSON.parse(line) as { msg: string }).msg).toMatch(/^\[(db|scrape)\]/);
    }
  }, 180_000);

  it("kill -9 of the process running a scrape: the other marks the run failed with the reason, and a new run can start", async () => {
    // B runs nothing itself: the one running run is A's.
    expect(((await (await fetch(`${b.url}/api/health`)).json()) as { scheduler: { running: boolean } }).scheduler.running).toBe(false);
    const running = (await direct.query<{ id: number }>("SELECT id FROM scrape_runs WHERE status = 'running'")).rows;
    expect(running).toHaveLength(1);
    const id = running[0].id;
    a.child.kill("SIGKILL");
    await a.exited;
    const failed = await waitFor("B to mark the run failed", async () => {
      const r = await runOf(id);
      return r.status === "failed" ? r : undefined;
    });
    console.log(`[two processes] after kill -9: run ${id} ${failed.status}: ${failed.error}`);
    expect(failed.error).toMatch(/is gone or stopped running it: the run lock was free and no heartbeat came for \d+ s/);
    expect(failed.error).toContain(failed.owner!);
    // The UI polls the run: it reads failed, not running forever.
    expect(((await (await b.fetch(`/api/scrape/runs/${id}`)).json()) as { status: string }).status).toBe("failed");
    source.release();
    const next = await b.fetch(`/api/scrape?wait=true`, { method: "POST" });
    expect(next.status).toBe(200);
  }, 180_000);
});

describe.skipIf(!available("postgres"))("a fresh start on PostgreSQL", () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it("marks failed the run a killed process left running, before it serves requests", async () => {
    const db = await createPostgresDatabase();
    cleanup.push(() => db.drop());
    const hang = await startHangingHttp();
    cleanup.push(() => hang.close());
    const direct = new pg.Client({ connectionString: db.url });
    await direct.connect();
    cleanup.push(() => direct.end());

    const a = launchServer({ DATABASE_URL: db.url, RUN_HEARTBEAT_SECONDS: "1", ...hangingSourceEnv(hang.url) });
    cleanup.push(() => a.child.kill("SIGKILL"));
    const runId = await killMidRun(a, hang);
    // The next process is started with RUN_STALE_SECONDS=2: wait until the heartbeat is that old.
    await waitFor("the heartbeat to be 2 s old", async () => {
      const { rows } = await direct.query<{ old: boolean }>(
        "SELECT now() - heartbeat_at > interval '2 seconds' AS old FROM scrape_runs WHERE id = $1",
        [runId],
      );
      return rows[0].old ? true : undefined;
    });

    // Its periodic check is 600 s away, so only the check at start can have repaired the run.
    const c = launchServer({ DATABASE_URL: db.url, RUN_HEARTBEAT_SECONDS: "600", RUN_STALE_SECONDS: "2", DEMO_EVENTS: "4" });
    cleanup.push(() => c.child.kill("SIGKILL"));
    const cUrl = await c.url();
    const run = (await (await adminFetch(cUrl, `/api/scrape/runs/${runId}`)).json()) as { status: string; error: string };
    console.log(`[fresh start] run ${runId} ${run.status}: ${run.error}`);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/stopped sending heartbeats: none for \d+ s \(limit RUN_STALE_SECONDS = 2 s\)/);
    expect((await adminFetch(cUrl, `/api/scrape?wait=true`, { method: "POST" })).status).toBe(200);
  }, 180_000);
});

describe("PGlite restarted after kill -9", () => {
  let hang: HangingHttp;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-liveness-"));
  const procs: ServerProcess[] = [];
  beforeAll(async () => {
    hang = await startHangingHttp();
  });
  afterAll(async () => {
    for (const p of procs) p.child.kill("SIGKILL");
    await hang?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("marks the cut-off run failed and lets a new run start", async () => {
    const a = launchServer({ DATA_DIR: dataDir, ...hangingSourceEnv(hang.url) });
    procs.push(a);
    const runId = await killMidRun(a, hang);

    const c = launchServer({ DATA_DIR: dataDir, DEMO_EVENTS: "4" });
    procs.push(c);
    const cUrl = await c.url();
    const run = (await (await adminFetch(cUrl, `/api/scrape/runs/${runId}`)).json()) as { status: string; error: string };
    console.log(`[pglite restart] run ${runId} ${run.status}: ${run.error}`);
    expect(run).toMatchObject({ status: "failed", error: "The server stopped before the run finished" });
    expect((await adminFetch(cUrl, `/api/scrape?wait=true`, { method: "POST" })).status).toBe(200);
    c.child.kill("SIGTERM");
    expect(await c.exited).toBe(0);
  }, 180_000);
});
