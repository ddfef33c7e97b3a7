// The real entry point as a user runs it: a second process on the same PGlite folder refuses to
// start, SIGTERM flushes and exits 0, and the data is there after a restart; SIGTERM to `npm start`
// reaches the server; a fault in server code is logged and counted, and the server keeps serving.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "./app-server";
import { waitFor } from "./testing/wait";

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(env: Record<string, string>, command: string[] = [process.execPath, "--import", "tsx", "server/main.ts"]): Proc {
  let out = "";
  const child = spawn(command[0], command.slice(1), {
    cwd: PROJECT_DIR,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", SCRAPE_INTERVAL_SECONDS: "0", DEMO_EVENTS: "4", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function listening(p: Proc): Promise<string> {
  // Generous: a start on a busy two-core machine can take a long while.
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    const m = /listening on (http:\/\/\S+)/.exec(p.output());
    if (m) return m[1];
    if (p.child.exitCode !== null) throw new Error(`server exited: ${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${p.output()}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}


const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-main-"));
const procs: Proc[] = [];
afterAll(() => {
  for (const p of procs) p.child.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("server process", () => {
  it("refuses a second process on the same folder, flushes and exits 0 on SIGTERM, keeps data across restarts", async () => {
    const first = launch({ DATA_DIR: dataDir, PORT: "0" });
    procs.push(first);
    const url = await listening(first);
    const run = await (await fetch(`${url}/api/scrape?wait=true`, { method: "POST" })).json();
    expect(run.status).toBe("completed");
    const before = (await (await fetch(`${url}/api/unmapped?pageSize=1`)).json()).total;
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
    expect((await (await fetch(`${url3}/api/unmapped?pageSize=1`)).json()).total).toBe(before);
    third.child.kill("SIGINT");
    expect(await third.exited).toBe(0);
  }, 240_000);

  it("SIGTERM to the npm start process stops the server it started: flushed, port and folder released", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-npm-"));
    try {
      const npm = launch({ DATA_DIR: dir, PORT: "0" }, ["npm", "start", "--silent"]);
      procs.push(npm);
      const url = await listening(npm);
      const serverPid = Number(fs.readFileSync(path.join(dir, ".lock"), "utf8").trim());
      expect(serverPid).not.toBe(npm.child.pid);
      expect(alive(serverPid)).toBe(true);
      npm.child.kill("SIGTERM");
      await npm.exited;
      await waitFor(() => !alive(serverPid), `server pid ${serverPid} still running after SIGTERM to npm`);
      expect(npm.output()).toMatch(/\[shutdown\] (SIGTERM|npm exited)/);
      expect(fs.existsSync(path.join(dir, ".lock"))).toBe(false);
      await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it("a server whose npm was killed with -9 shuts itself down cleanly", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-npm9-"));
    try {
      const npm = launch({ DATA_DIR: dir, PORT: "0" }, ["npm", "start", "--silent"]);
      procs.push(npm);
      await listening(npm);
      const serverPid = Number(fs.readFileSync(path.join(dir, ".lock"), "utf8").trim());
      npm.child.kill("SIGKILL");
      await waitFor(() => !alive(serverPid), `server pid ${serverPid} still running after npm was killed`);
      expect(npm.output()).toContain("[shutdown] npm exited");
      expect(fs.existsSync(path.join(dir, ".lock"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
    await waitFor(async () => {
      health = await (await fetch(`${url}/api/health`)).json();
      return (health.process?.uncaughtExceptions ?? 0) >= 1 && (health.process?.unhandledRejections ?? 0) >= 1;
    }, "the faults were not counted in /api/health");
    expect(health.process).toEqual({ uncaughtExceptions: 1, unhandledRejections: 1 });
    expect(p.output()).toMatch(/\[process\] uncaught exception .*\n?.*test fault: thrown from a timer/);
    expect(p.output()).toContain("test fault: a rejected promise nobody awaited");
    expect((await fetch(`${url}/api/unmapped`)).status).toBe(200);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  }, 240_000);

  it("stops with a message naming the variable when the configuration is bad", async () => {
    const p = launch({ PORT: "not-a-port", DATA_DIR: dataDir });
    procs.push(p);
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/PORT/);
  });
});
