import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirLock, DataDirLockedError } from "./lock";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "mt-lock-"));

describe("acquireDirLock", () => {
  it("refuses a second holder while the first holds the folder, and frees it on release", () => {
    const dir = tmp();
    const first = acquireDirLock(dir);
    // The same pid counts as "another holder" only through the file; simulate another live process.
    fs.writeFileSync(path.join(dir, ".lock"), `${process.ppid}\n`);
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDirLock(dir)).toThrow(/in use by another Market Triage process \(pid \d+\)/);
    fs.writeFileSync(path.join(dir, ".lock"), `${process.pid}\n`);
    first.release();
    expect(fs.existsSync(path.join(dir, ".lock"))).toBe(false);
    acquireDirLock(dir).release();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, ".lock"), "999999999\n");
    const lock = acquireDirLock(dir);
    expect(fs.readFileSync(path.join(dir, ".lock"), "utf8").trim()).toBe(String(process.pid));
    lock.release();
  });
});
