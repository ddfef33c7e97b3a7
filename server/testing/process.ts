// The real entry point as a child process (`node --import tsx server/main.ts`, or any command that
// starts it, such as `npm start`), for tests that signal it, kill it, or run a second process on
// one PostgreSQL, and read its exit code and output.
import { spawn, type ChildProcess } from "node:child_process";
import { PROJECT_DIR } from "@/server/app-server";
import { TEST_AUTH_ENV } from "./auth";
import { waitFor } from "./wait";

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once every process holding the output pipes (the server `npm start` spawned, too) has closed them: the output is complete. */
  closed: Promise<void>;
  /** Resolves with the URL once the server logs that it listens; throws if it exits first. */
  url: () => Promise<string>;
}

export const NODE_SERVER = [process.execPath, "--import", "tsx", "server/main.ts"];

/**
 * @param options.group the child leads a process group of its own, so a test can signal the whole group
 *   (`process.kill(-pid, …)`), as a terminal's Ctrl-C, systemd or Playwright do.
 */
export function launchServer(
  env: Record<string, string>,
  command: string[] = NODE_SERVER,
  options: { group?: boolean } = {},
): ServerProcess {
  let out = "";
  const child = spawn(command[0], command.slice(1), {
    cwd: PROJECT_DIR,
    detached: options.group ?? false,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", SCRAPE_INTERVAL_SECONDS: "0", ...TEST_AUTH_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  return {
    child,
    output: () => out,
    exited,
    closed,
    url: () =>
      // Generous: a busy two-core machine can take a long while to start Next.
      waitFor(
        "the server to listen",
        () => {
          const m = /is ready: open (http:\/\/\S+)/.exec(out);
          if (m) return m[1];
          if (child.exitCode !== null || child.signalCode !== null)
            throw new Error(`server exited ${child.exitCode ?? child.signalCode}: ${out}`);
          return undefined;
        },
        120_000,
      ),
  };
}
