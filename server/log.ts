// The server log, on pino. Production: one JSON object per line on stdout (level, time, pid,
// hostname, msg, the child's bindings such as runId, and `err` with type, message and stack).
// `npm run dev` (NODE_ENV=development): the same records through pino-pretty, a dev dependency.
// LOG_LEVEL picks the level (debug, info, warn, error or silent).
//
// Call sites keep the console-like form, `log.error("[scope] what failed:", e)`: the strings
// become `msg` (an Error's message appended, so a line says what happened on its own) and the
// first Error is serialised under `err`. The root logger lives on globalThis: route handlers,
// which Next evaluates in its own module graph, write through the server's logger at its level.
import { createRequire } from "node:module";
import { format, types } from "node:util";
import pino, { type Logger } from "pino";

const LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];
type Method = Exclude<LogLevel, "silent">;

declare global {
  var __marketTriageLogger: Logger | undefined;
}

const levelOf = (value: string | undefined): LogLevel =>
  (LEVELS as readonly string[]).includes(value ?? "") ? (value as LogLevel) : "info";

/** How every record is shaped, whatever it is written to (also a test's capture: server/testing/log-capture.ts). */
export const recordOptions = (level: LogLevel): pino.LoggerOptions => ({
  level,
  // "info" rather than 30, and an ISO time: readable by people and by log tools alike.
  formatters: { level: (label) => ({ level: label }) },
  timestamp: pino.stdTimeFunctions.isoTime,
  serializers: { err: pino.stdSerializers.err },
});

function createRoot(): Logger {
  const options = recordOptions(levelOf(process.env.LOG_LEVEL));
  if (process.env.NODE_ENV === "development") {
    // Loaded only in development: pino-pretty is a dev dependency. Synchronous, so nothing logged
    // just before an exit is lost.
    const pretty = createRequire(import.meta.url)("pino-pretty") as typeof import("pino-pretty");
    return pino(options, pretty({ sync: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" }));
  }
  // Synchronous writes: main.ts exits right after its last lines (shutdown, a failed start).
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

function root(): Logger {
  globalThis.__marketTriageLogger ??= createRoot();
  return globalThis.__marketTriageLogger;
}

export function setLogLevel(level: LogLevel): void {
  root().level = level;
}

const isError = (value: unknown): value is Error => value instanceof Error || types.isNativeError(value);

function write(logger: Logger, level: Method, args: unknown[]): void {
  if (!logger.isLevelEnabled(level)) return;
  const err = args.find(isError);
  const rest = err === undefined ? args : args.filter((a) => a !== err);
  const msg = [rest.length ? format(...rest) : "", err?.message ?? ""].filter(Boolean).join(" ");
  if (err) logger[level]({ err }, msg);
  else logger[level](msg);
}

export interface Log {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  /** A logger whose every record carries these fields, e.g. `log.child({ runId })` during a scrape. */
  child(bindings: Record<string, unknown>): Log;
}

function wrap(get: () => Logger): Log {
  return {
    debug: (...args) => write(get(), "debug", args),
    info: (...args) => write(get(), "info", args),
    warn: (...args) => write(get(), "warn", args),
    error: (...args) => write(get(), "error", args),
    child(bindings) {
      const child = get().child(bindings);
      return wrap(() => child);
    },
  };
}

export const log: Log = wrap(root);
