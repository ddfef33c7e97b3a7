// The session-signing secret: given, generated once into the data folder (0600) and reused, per
// process in memory, and a clear stop on PostgreSQL without one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { explainStartFailure } from "../start-failure";
import { AUTH_SECRET_FILE, AuthSecretMissingError, resolveAuthSecret } from "./secret";

describe("auth secret", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("on a PGlite folder: created once with mode 0600, then reused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-secret-"));
    dirs.push(dir);
    const config = loadConfig({ DATA_DIR: path.join(dir, "data") });
    const first = resolveAuthSecret(config);
    const file = path.join(dir, "data", AUTH_SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveAuthSecret(loadConfig({ DATA_DIR: path.join(dir, "data") }))).toBe(first);
  });

  it("BETTER_AUTH_SECRET or AUTH_SECRET wins; memory:// gets a fresh one per process", () => {
    const given = "s".repeat(40);
    expect(resolveAuthSecret(loadConfig({ DATA_DIR: "memory://", AUTH_SECRET: given }))).toBe(given);
    const a = resolveAuthSecret(loadConfig({ DATA_DIR: "memory://" }));
    expect(a).not.toBe(resolveAuthSecret(loadConfig({ DATA_DIR: "memory://" })));
  });

  it("on PostgreSQL without a secret the start stops with one line naming BETTER_AUTH_SECRET", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://localhost/x" });
    let error: unknown;
    try {
      resolveAuthSecret(config);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuthSecretMissingError);
    expect(explainStartFailure(error, config)).toMatch(/^BETTER_AUTH_SECRET is not set/);
    expect(explainStartFailure(error, config)).not.toContain("\n");
  });
});
