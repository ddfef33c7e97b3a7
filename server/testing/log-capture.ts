// The server log captured in process: the root logger (on globalThis, see server/log.ts) is swapped
// for one that writes the same JSON records into an array, until restore(). Loggers made before
// the swap (children included) keep writing where they did.
import pino from "pino";
import { recordOptions } from "@/server/log";

export type LogRecord = Record<string, unknown> & { level: string; msg: string };

export function captureLog(): { records: LogRecord[]; restore(): void } {
  const records: LogRecord[] = [];
  const previous = globalThis.__marketTriageLogger;
  globalThis.__marketTriageLogger = pino(recordOptions("debug"), { write: (line: string) => records.push(JSON.parse(line) as LogRecord) });
  return {
    records,
    restore() {
      globalThis.__marketTriageLogger = previous;
    },
  };
}
