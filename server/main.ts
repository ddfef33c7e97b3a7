// Entry point: `npm start` (production) and `npm run dev`. Exits non-zero with a clear message
// when the configuration is bad or the data folder is in use; SIGTERM/SIGINT flush pending
// sightings and close the database. The exit code says whether everything reached the database:
// 0 all written, 75 (EX_TEMPFAIL) some wait in the spill journal for the next start, 1 some lost.
//
// Under npm, a signal sent to the npm process is passed on only to npm's direct child; with the
// old `tsx …` script that child was a shell, which died and left this server running, holding
// the port and the data folder. The npm scripts now `exec` node, so this server is that child.
// Should npm die without passing anything on (kill -9), we are re-parented; that counts as SIGTERM.
// A second signal within SIGNAL_REPEAT_MS is the same request (a process group's signal and npm's
// forwarded copy); one after that stops at once, saying that sightings may be lost (exit 1).
import { loadConfig, type Config } from "./config";
import { startServer } from "./app-server";
import { log } from "./log";
import { installFaultHandlers } from "./process-faults";
import { explainStartFailure } from "./start-failure";

declare global {
  /** The npm process that ran `npm start`/`npm run dev`, recorded before anything slow (the build) runs. */
  var __marketTriageLauncherPid: number | undefined;
}

installFaultHandlers();
const launcherPid = globalThis.__marketTriageLauncherPid ?? (process.env.npm_lifecycle_event ? process.ppid : undefined);

/** Sightings wait in the spill journal and are replayed by the next start (sysexits' EX_TEMPFAIL). */
const EXIT_SPILLED = 75;

/** A signal repeated within this many ms of the first is the same request to stop; a later one forces the exit. */
const SIGNAL_REPEAT_MS = 2_000;

let config: Config | undefined;

async function main() {
  config = loadConfig();
  const server = await startServer(config, { dev: config.NODE_ENV === "development" });
  const db = config.DATABASE_URL ? "PostgreSQL" : `embedded PGlite in ${config.dataDir}`;
  // The one line a person starting the server waits for (tests read the URL from it too).
  log.info(`Market Triage is ready: open ${server.url} (${db}; sources: ${config.SOURCES.join(", ")})`);

  let shutdownAt: number | null = null;
  const shutdown = (signal: string) => {
    if (shutdownAt !== null) {
      // A terminal's Ctrl-C, systemd and Playwright signal the whole process group, and npm passes
      // its copy on: the same request arrives twice within milliseconds (or once, when the kernel
      // merges the two before we run). Only a later one forces.
      const elapsed = performance.now() - shutdownAt;
      const after = (elapsed / 1000).toFixed(1);
      if (elapsed < SIGNAL_REPEAT_MS) {
        log.info(`[shutdown] ${signal} ${after} s into the shutdown: the same request, already under way`);
        return;
      }
      log.error(`[shutdown] ${signal} ${after} s into the shutdown: exiting now, without waiting for the sightings to be saved`);
      process.exit(1);
    }
    shutdownAt = performance.now();
    log.info(`[shutdown] ${signal}: finishing the current run, flushing sightings, closing the database`);
    server.stop().then(
      (report) => process.exit(report.lostSightings > 0 ? 1 : report.journalFiles > 0 ? EXIT_SPILLED : 0),
      (e) => {
        log.error("[shutdown] failed:", e);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  if (launcherPid !== undefined) {
    const watch = setInterval(() => {
      if (process.ppid === launcherPid) return;
      clearInterval(watch);
      shutdown("npm exited (SIGTERM to npm start)");
    }, 250);
    watch.unref();
  }
}

// A failed start is said in plain text on stderr whatever LOG_LEVEL is: it is the last thing the
// process says, and a person is usually reading it. One line for what a user can fix; a bug keeps its stack.
main().catch((e) => {
  const why = explainStartFailure(e, config ?? {});
  if (why) console.error(`Market Triage could not start: ${why}`);
  else console.error("Market Triage could not start:", e);
  process.exit(1);
});
