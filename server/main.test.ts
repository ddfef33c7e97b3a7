// The real entry point as a user runs it: a second process on the same PGlite folder refuses to
// start, SIGTERM flushes and exits 0, and the data is there after a restart; SIGTERM to `npm start`
// reaches the server; a fault in server code is logged and counted, and the server keeps serving.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { available, TEST_DATABASE_URL } from "./testing/databases";
import { launchServer, NODE_SERVER, type ServerProcess as Proc } from "./testing/process";
import { waitFor } from "./testing/wait";
import { adminFetch } from "@/server/testing/auth";

const launch = (env: Record<string, string>, command = NODE_SERVER, options: { group?: boolean } = {}) =>
  launchServer({ DEMO_EVENTS: "4", ...env }, command, options);
const listening = (p: Proc) => p.url();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm start` on a fresh data folder, as a user runs it, until `test` ends: the test gets npm's
 * process, the server's pid (from the folder's lock), the folder and the URL; the folder is removed after.
 */
async function underNpmStart(
  prefix: string,
  test: (started: { npm: Proc; serverPid: number; dir: string; url: string }) => Promise<void>,
  options: { group?: boolean } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    const npm = launch({ DATA_DIR: dir, PORT: "0" }, ["npm", "start", "--silent"], options);
    procs.push(npm);
    const url = await listening(npm);
    const serverPid = Number(fs.readFileSync(path.join(dir, ".lock"), "utf8").trim());
    await test({ npm, serverPid, dir, url });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-main-"));
const procs: Proc[] = [];
afterAll(() => {
  for (const p of procs) {
    p.child.kill("SIGKILL");
    // A process group of its own (npm and the server it started): kill the server too.
    if (p.child.pid !== undefined) {
      try {
        process.kill(-p.child.pid, "SIGKILL");
      } catch {
        // not a group leader, or gone already
      }
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("server process", () => {
  it("refuses a second process on the same folder, flushes and exits 0 on SIGTERM, keeps data across restarts", async () => {
    const first = launch({ DATA_DIR: dataDir, PORT: "0" });
    procs.push(first);
    const url = await listening(first);
    const run = await (await adminFetch(url, `/api/scrape?wait=true`, { method: "POST" })).json();
    expect(run.status).toBe("completed");
    const before = (await (await adminFetch(url, `/api/unmapped?pageSize=1`)).json()).total;
    expect(before).toBeGreaterThan(0);

    const second = launch({ DATA_DIR: dataDir, PORT: "0" });
    procs.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Market Triage process \(pid \d+\)/);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("[shutdown] SIGTERM");

    const third = launch({ DATA_DIR: dataDir, PORT: "0" });
    procs.push(third);
    const url3 = await listening(third);
    expect((await (await adminFetch(url3, `/api/unmapped?pageSize=1`)).json()).total).toBe(before);
    third.child.kill("SIGINT");
    expect(await third.exited).toBe(0);
  }, 240_000);

  it("SIGTERM to the npm start process stops the server it started: flushed, port and folder released", async () => {
    await underNpmStart("mt-npm-", async ({ npm, serverPid, dir, url }) => {
      expect(serverPid).not.toBe(npm.child.pid);
      expect(alive(serverPid)).toBe(true);
      npm.child.kill("SIGTERM");
      await npm.exited;
      await waitFor(`server pid ${serverPid} to exit after SIGTERM to npm`, () => !alive(serverPid));
      // The server wrote its last lines into the pipe npm handed it; read them all before looking.
      await npm.closed;
      expect(npm.output()).toMatch(/\[shutdown\] (SIGTERM|npm exited)/);
      expect(fs.existsSync(path.join(dir, ".lock"))).toBe(false);
      await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    });
  }, 240_000);

  // A terminal's Ctrl-C, systemd and Playwright signal the whole process group: the server gets the
  // signal itself and again from npm, which passes it on. That is one request to stop, not two.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal} to npm start's whole process group is one shutdown: flushed, exit 0, folder released`, async () => {
      await underNpmStart(
        `mt-npmgroup-`,
        async ({ npm, serverPid, dir, url }) => {
          // A run under way: its sightings are pending when the signal comes.
          expect((await adminFetch(url, `/api/scrape`, { method: "POST" })).status).toBe(202);
          process.kill(-npm.child.pid!, signal);
          expect(await npm.exited, "npm start's exit code, the server's").toBe(0);
          await waitFor(`server pid ${serverPid} to exit`, () => !alive(serverPid));
          await npm.closed;
          const out = npm.output();
          // The kernel may merge the two copies when both arrive before the server runs: one or two
          // signals seen, one shutdown either way.
          expect(out.match(new RegExp(`\\[shutdown\\] ${signal}: finishing`, "g")), "one shutdown").toHaveLength(1);
          expect(out).not.toContain("exiting now");
          expect(fs.existsSync(path.join(dir, ".lock"))).toBe(false);
        },
        { group: true },
      );
    }, 240_000);
  }

  it("a server whose npm was killed with -9 shuts itself down cleanly", async () => {
    await underNpmStart("mt-npm9-", async ({ npm, serverPid, dir }) => {
      npm.child.kill("SIGKILL");
      await waitFor(`server pid ${serverPid} to exit after npm was killed`, () => !alive(serverPid));
      await npm.closed;
      expect(npm.output()).toContain("[shutdown] npm exited");
      expect(fs.existsSync(path.join(dir, ".lock"))).toBe(false);
    });
  }, 240_000);

  it("logs and counts an uncaught exception and an unhandled rejection in server code, and keeps serving", async () => {
    const p = launch({ DATA_DIR: "memory://", PORT: "0" }, [
      process.execPath,
      "--import",
      "tsx",
      "--import",
      "./server/testing/throw-after-start.ts",
      "server/main.ts",
    ]);
    procs.push(p);
    const url = await listening(p);
    let health: { process?: { uncaughtExceptions: number; unhandledRejections: number } } = {};
    await waitFor("the faults to be counted in /api/health", async () => {
      health = await (await fetch(`${url}/api/health`)).json();
      return (health.process?.uncaughtExceptions ?? 0) >= 1 && (health.process?.unhandledRejections ?? 0) >= 1;
    });
    expect(health.process).toEqual({ uncaughtExceptions: 1, unhandledRejections: 1 });
    expect(p.output()).toMatch(/\[process\] uncaught exception .*\n?.*test fault: thrown from a timer/);
    expect(p.output()).toContain("test fault: a rejected promise nobody awaited");
    expect((await adminFetch(url, `/api/unmapped`)).status).toBe(200);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  }, 240_000);

  it("prints one clear line with the URL when it is ready", async () => {
    const p = launch({ DATA_DIR: "memory://", PORT: "0" });
    procs.push(p);
    const url = await listening(p);
    const ready = p
      .output()
      .split("\n")
      .filter((l) => l.includes(url));
    expect(ready).toHaveLength(1);
    expect((JSON.parse(ready[0]) as { msg: string }).msg).toMatch(/^Market Triage is ready: open http:\/\/127\.0\.0\.1:\d+ \(/);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });

  it("a PostgreSQL it cannot reach is one line naming it, not a driver dump", async () => {
    const p = launch({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/market_triage" });
    procs.push(p);
    expect(await p.exited).toBe(1);
    expect(p.output().trim().split("\n")).toEqual([
      expect.stringMatching(/^Market Triage could not start: Cannot reach PostgreSQL at 127\.0\.0\.1:1 /),
    ]);
  });

  it.skipIf(!available("postgres"))("a PostgreSQL database that does not exist is one line saying so, not a driver dump", async () => {
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = "/mt_missing_database";
    const p = launch({ DATABASE_URL: url.toString() });
    procs.push(p);
    expect(await p.exited).toBe(1);
    expect(p.output().trim().split("\n")).toEqual([
      expect.stringMatching(
        /^Market Triage could not start: PostgreSQL at .+ has no database "mt_missing_database" \(DATABASE_URL\): create it/,
      ),
    ]);
  });

  it("stops with a message naming the variable when the configuration is bad", async () => {
    const p = launch({ PORT: "not-a-port", DATA_DIR: dataDir });
    procs.push(p);
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/PORT/);
  });
});
