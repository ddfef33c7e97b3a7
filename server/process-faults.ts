// Uncaught exceptions and unhandled rejections in server code are faults to see, not to crash on
// silently or to lose in Next's own handler: each is logged with its stack and counted, and the
// counts are in /api/health. The process keeps serving (what Next did before, but now visibly);
// the counters live on globalThis so route handlers in Next's module graph read the same ones.
import { log } from "./log";

export interface ProcessFaults {
  uncaughtExceptions: number;
  unhandledRejections: number;
}

declare global {
  var __marketTriageFaults: (ProcessFaults & { installed: boolean }) | undefined;
}

function state() {
  return (globalThis.__marketTriageFaults ??= { uncaughtExceptions: 0, unhandledRejections: 0, installed: false });
}

export function processFaults(): ProcessFaults {
  const { uncaughtExceptions, unhandledRejections } = state();
  return { uncaughtExceptions, unhandledRejections };
}

/** Installs the handlers once per process. */
export function installFaultHandlers(): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  process.on("uncaughtException", (e, origin) => {
    s.uncaughtExceptions++;
    log.error(`[process] uncaught exception (${origin}, ${s.uncaughtExceptions} so far):`, e);
  });
  process.on("unhandledRejection", (reason) => {
    s.unhandledRejections++;
    log.error(`[process] unhandled promise rejection (${s.unhandledRejections} so far):`, reason);
  });
}
