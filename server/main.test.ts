// The real entry point as a user runs it: a second process on the same PGlite folder refuses to
// start, SIGTERM flushes and exits 0, and the data is there after a restart.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "./app-server";

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(env: Record<string, string>): Proc {
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
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
  for (let i = 0; i < 600; i++) {
    const m = /listening on (http:\/\/\S+)/.exec(p.output());
    if (m) return m[1];
    if (p.child.exitCode !== null) throw new Error(`server exited: ${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${p.output()}`);
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
  });

  it("stops with a message naming the variable when the configuration is bad", async () => {
    const p = launch({ PORT: "not-a-port", DATA_DIR: dataDir });
    procs.push(p);
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/PORT/);
  });
});
