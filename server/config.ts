// Environment parsed and validated once. Every variable has a documented default (README); a bad
// value stops the start with a message naming the variable.
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const KNOWN_SOURCES = ["demo"] as const;

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: intIn(0, 65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  SOURCES: z
    .string()
    .default("demo")
    .transform((v) => [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.enum(KNOWN_SOURCES)).min(1, "name at least one source")),
  SCRAPE_INTERVAL_SECONDS: intIn(0, 86_400).default(300),
  SCRAPE_START_DELAY_SECONDS: intIn(0, 86_400).default(5),
  SCRAPE_CONCURRENCY: intIn(1, 64).default(8),
  FLUSH_EVERY_EVENTS: intIn(1, 10_000).default(50),
  RECORDER_MAX_PENDING: intIn(100, 10_000_000).default(200_000),
  DEMO_SEED: z.coerce.number().int().default(20261126),
  DEMO_EVENTS: intIn(1, 5_000).default(36),
  DEMO_NEW_PER_CYCLE: intIn(0, 100).default(2),
  // Adds markets named like HTML/script injections to the demo, to see that they render as text.
  DEMO_HOSTILE_NAMES: bool.default(false),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", so `PORT= npm start` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
