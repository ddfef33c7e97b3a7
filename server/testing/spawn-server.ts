// Runs `server/main.ts` as a real child process (so it can be killed with SIGKILL) and collects its
// output. Tests use it for crashes and for a second process on one PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { PROJECT_DIR } from "@/server/app-server";

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves with the URL once the process logs that it listens. */
  url: () => Promise<string>;
}

export function launchServer(env: Record<string, string>): ServerProcess {
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: PROJECT_DIR,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", SCRAPE_INTERVAL_SECONDS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    async url() {
      for (let i = 0; i < 1200; i++) {
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) return m[1];
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`server did not start: ${out}`);
    },
  };
}

/** Polls `check` until it returns a value other than undefined (generous outer limit). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, limitMs = 60_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
