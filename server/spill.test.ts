// The real process against a real PostgreSQL through a TCP proxy: a scrape whose final flush loses
// its reply (committed) and leaves the rest unsent, then the database is cut and SIGTERM arrives.
// Nothing may be lost or counted twice: exit 75, a 0600 journal; the next start replays it (the
// committed chunk recognised by its batch id), stored == the run's sightings, the file is gone,
// and a second restart replays nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, TEST_DATABASE_URL } from "@/server/testing/databases";
import { launchServer, type ServerProcess } from "@/server/testing/process";
import { TcpProxy } from "@/server/testing/tcp-proxy";
import { adminFetch } from "@/server/testing/auth";
import { waitFor } from "@/server/testing/wait";

const procs: ServerProcess[] = [];
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const p of procs) p.child.kill("SIGKILL");
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

async function storedSightings(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(`SELECT COALESCE(sum(occurrence_count), 0)::int AS n FROM unmapped_markets`);
    return rows[0].n;
  } finally {
    await c.end();
  }
}

describe.skipIf(!TEST_DATABASE_URL)("shutdown with the database down (real process, postgres)", () => {
  it("spills to the journal and exits 75; the next start replays it once, exactly", async () => {
    const db = await createPostgresDatabase();
    cleanup.push(db.drop);
    const { proxy, url } = await TcpProxy.forUrl(db.url);
    cleanup.push(() => proxy.close());
    const spillDir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-spill-proc-"));
    cleanup.push(async () => fs.rmSync(spillDir, { recursive: true, force: true }));
    // Small chunks, so the final flush has several: the first commits and loses its reply, the
    // rest are not sent once the database looks down.
    const env = {
      DATABASE_URL: url,
      SPILL_DIR: spillDir,
      SOURCES: "demo",
      DEMO_EVENTS: "12",
      FLUSH_EVERY_EVENTS: "10000",
      FLUSH_CHUNK_ROWS: "5",
    };

    const first = launchServer(env);
    procs.push(first);
    const base = await first.url();
    proxy.loseReplyTo("INSERT INTO unmapped_markets");
    const run = await (await adminFetch(base, `/api/scrape?wait=true`, { method: "POST" })).json();
    expect(proxy.lostReplies).toBe(1);
    expect(run.unmapped).toBeGreaterThan(0);
    const inDatabase = await storedSightings(db.url);
    expect(inDatabase).toBeLessThan(run.unmapped);
    proxy.cut();
    first.child.kill("SIGTERM");
    const code = await first.exited;
    const files = fs.readdirSync(spillDir);
    console.log(
      `[spill process] exit ${code}; ${run.unmapped} sightings recorded, ${inDatabase} in the database, journal: ${files.join(", ")}`,
    );
    expect(code).toBe(75);
    expect(files).toHaveLength(1);
    expect(fs.statSync(path.join(spillDir, files[0])).mode & 0o777).toBe(0o600);

    proxy.heal();
    const second = launchServer(env);
    procs.push(second);
    await second.url();
    const afterReplay = await storedSightings(db.url);
    console.log(`[spill process] after replay: stored ${afterReplay}, expected ${run.unmapped}`);
    expect(afterReplay).toBe(run.unmapped);
    expect(fs.readdirSync(spillDir)).toEqual([]);
    expect(second.output()).toMatch(/replayed \d+ spilled sightings/);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const third = launchServer(env);
    procs.push(third);
    await third.url();
    expect(third.output()).not.toMatch(/replayed/);
    expect(await storedSightings(db.url)).toBe(run.unmapped);
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
  }, 180_000);

  it("a second signal at once is the same request to stop; one 2 s later forces the exit, with code 1", async () => {
    const db = await createPostgresDatabase();
    cleanup.push(db.drop);
    const { proxy, url } = await TcpProxy.forUrl(db.url);
    cleanup.push(async () => {
      proxy.heal();
      await proxy.close();
    });
    const server = launchServer({ DATABASE_URL: url, SOURCES: "demo", DEMO_EVENTS: "200" });
    procs.push(server);
    const base = await server.url();
    expect((await adminFetch(base, `/api/scrape`, { method: "POST" })).status).toBe(202);
    // The shutdown now waits for the run's last write, which the stalled database does not answer.
    proxy.stall();
    // Two different signals at once: the kernel merges two pending copies of one signal, not these.
    server.child.kill("SIGTERM");
    server.child.kill("SIGINT");
    await waitFor("the second signal to be taken as the same request", () =>
      /\[shutdown\] SIG(INT|TERM) [\d.]+ s into the shutdown: the same request/.test(server.output()),
    );
    // The server logged its shutdown before this test saw the line: 2.1 s from now is over 2 s there.
    expect(server.output()).toMatch(/\[shutdown\] SIG(TERM|INT): finishing/);
    // The one wait on the clock: the behaviour under test is what a signal does 2 s later.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(server.child.exitCode, "still shutting down, waiting on the database").toBeNull();
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/\[shutdown\] SIGTERM [\d.]+ s into the shutdown: exiting now/);
  }, 180_000);
});
