// The server log as a process writes it: JSON lines in production (an Error with its stack under
// err, a child's bindings on each of its records), nothing at LOG_LEVEL=silent, and pino-pretty's
// readable lines in development.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PROJECT_DIR = fileURLToPath(new URL("..", import.meta.url));
const SCRIPT = `
import { log } from "./server/log.ts";
log.debug("[test] debug line");
log.info("[test] ready at", "http://127.0.0.1:1", { n: 2 });
log.error("[test] it failed:", new Error("boom"));
log.child({ runId: 42 }).warn("[scrape] from a run");
`;

function run(env: Record<string, string>): string {
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], {
    cwd: PROJECT_DIR,
    env: { ...process.env, LOG_LEVEL: "", NODE_ENV: "production", ...env },
    encoding: "utf8",
  });
}

describe("the server log", () => {
  it("writes one JSON object per line in production, errors with their stack, children with their bindings", () => {
    const lines = run({ LOG_LEVEL: "info" }).trim().split("\n");
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.level, r.msg])).toEqual([
      ["info", "[test] ready at http://127.0.0.1:1 { n: 2 }"],
      ["error", "[test] it failed: boom"],
      ["warn", "[scrape] from a run"],
    ]);
    expect(records[1].err).toMatchObject({ type: "Error", message: "boom", stack: expect.stringMatching(/^Error: boom\n\s+at /) });
    expect(records[2].runId).toBe(42);
    for (const r of records) expect(new Date(r.time as string).toISOString()).toBe(r.time);
  });

  it("honours LOG_LEVEL, down to silent", () => {
    expect(run({ LOG_LEVEL: "debug" }).trim().split("\n")).toHaveLength(4);
    expect(run({ LOG_LEVEL: "warn" }).trim().split("\n")).toHaveLength(2);
    expect(run({ LOG_LEVEL: "silent" })).toBe("");
  });

  it("prints readable lines through pino-pretty in development", () => {
    const out = run({ LOG_LEVEL: "info", NODE_ENV: "development", NO_COLOR: "1", FORCE_COLOR: "0" });
    expect(out).toMatch(/INFO.*: \[test\] ready at http:\/\/127\.0\.0\.1:1/);
    expect(out).toMatch(/ERROR.*: \[test\] it failed: boom\n\s+err: \{/);
    expect(out).toMatch(/runId: 42/);
    expect(() => JSON.parse(out.split("\n")[0])).toThrow();
  });
});
