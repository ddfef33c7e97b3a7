// A minimal levelled logger (LOG_LEVEL). The level lives on globalThis so route handlers, which
// Next evaluates in its own module graph, log at the level the server was started with.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

declare global {
  var __marketTriageLogLevel: LogLevel | undefined;
}

export function setLogLevel(level: LogLevel): void {
  globalThis.__marketTriageLogLevel = level;
}

const enabled = (level: LogLevel) => LEVELS[level] >= LEVELS[globalThis.__marketTriageLogLevel ?? "info"];

export const log = {
  debug: (...args: unknown[]) => enabled("debug") && console.debug(...args),
  info: (...args: unknown[]) => enabled("info") && console.log(...args),
  warn: (...args: unknown[]) => enabled("warn") && console.warn(...args),
  error: (...args: unknown[]) => enabled("error") && console.error(...args),
};
