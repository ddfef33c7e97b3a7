// PGlite has no lock of its own: two processes on one data folder silently lose rows. This is an
// exclusive pid lock file; a lock left by a dead process (kill -9) is taken over.
import fs from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {}

export interface DirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDirLock(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, ".lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `The data folder ${dir} is in use by another Market Triage process (pid ${pid}). ` +
            `Stop that process first, or start this one with another DATA_DIR or with DATABASE_URL.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale lock from a process that no longer runs
    }
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dir}`);
}
