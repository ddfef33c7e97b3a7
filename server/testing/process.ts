// The real entry point as a child process (`node --import tsx server/main.ts`), for tests that
// signal it and read its exit code and output.
import { spawn, type ChildProcess } from "node:child_process";
import { PROJECT_DIR } from "@/server/app-server";

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves with the URL once the server logs that it listens. */
  listening: () => Promise<string>;
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
    async listening() {
      // Generous: a busy 2-core machine can take many seconds to start Next.
      for (const until = Date.now() + 60_000; Date.now() < until; ) {
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) return m[1];
        if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`server did not start: ${out}`);
    },
  };
}
