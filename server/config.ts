// Environment parsed and validated once. Every variable has a documented default (README); a bad
// value stops the start with a message naming the variable.
import path from "node:path";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const KNOWN_SOURCES = ["demo", "sportybet", "bet9ja"] as const;

/** A base URL request paths are appended to: http(s), no query or fragment to collide with them. */
const httpUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && u.search === "" && u.hash === "";
  } catch {
    return false;
  }
}, "must be an http:// or https:// URL without query or fragment");
const baseUrl = (fallback: string) => httpUrl.default(fallback);

const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: intIn(0, 65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  // With several app processes: Socket.IO messages reach the clients of every process.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  SOURCES: z
    .string()
    .default("demo")
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.enum(KNOWN_SOURCES)).min(1, "name at least one source")),
  SCRAPE_INTERVAL_SECONDS: intIn(0, 86_400).default(300),
  /** The longest wait before the first scheduled run; a browser connecting (Socket.IO) starts it sooner. */
  SCRAPE_START_DELAY_SECONDS: intIn(0, 86_400).default(30),
  /** With the demo feed only: the first scheduled runs come SCRAPE_WARMUP_INTERVAL_SECONDS apart, so a new user sees discoveries arrive. */
  SCRAPE_WARMUP_RUNS: intIn(0, 100).default(3),
  SCRAPE_WARMUP_INTERVAL_SECONDS: intIn(1, 86_400).default(60),
  /** Events being fetched and parsed at once over all sources; each source also has its own limit. */
  SCRAPE_CONCURRENCY: intIn(1, 256).default(16),
  FLUSH_EVERY_EVENTS: intIn(1, 10_000).default(50),
  RECORDER_MAX_PENDING: intIn(100, 10_000_000).default(200_000),
  /** Markets per flush statement; 0 = by database: 100 on PGlite, 1,000 on PostgreSQL (see server/discovery/flush.ts). */
  FLUSH_CHUNK_ROWS: intIn(0, 100_000).default(0),
  /** Journal of sightings the database could not take (shutdown while it is down, pending limit); default <DATA_DIR>/spill. */
  SPILL_DIR: z.string().min(1).optional(),
  /** Days a committed flush chunk's id is kept, so a retry or journal replay of it is not counted twice. */
  FLUSH_BATCH_RETENTION_DAYS: intIn(1, 3650).default(7),
  /** Days the per-run counts of a run (trends, baselines, escalation) are kept, from the run's start; pruned hourly in the background. */
  RUN_COUNTS_RETENTION_DAYS: intIn(1, 3650).default(30),
  /** Runs whose prices the snapshot keeps (events and market instances with odds); 0 = no snapshot written. */
  SNAPSHOT_RUNS: intIn(0, 100).default(2),
  DEMO_SEED: z.coerce.number().int().default(20261126),
  DEMO_EVENTS: intIn(1, 5_000).default(36),
  DEMO_NEW_PER_CYCLE: intIn(0, 100).default(2),
  // Adds markets named like HTML/script injections to the demo, to see that they render as text.
  DEMO_HOSTILE_NAMES: bool.default(false),
  /** Where the SportyBet API lives; /api/ng/... paths are appended (a path prefix is kept). */
  SPORTYBET_BASE_URL: baseUrl("https://www.sportybet.com"),
  /** Where the Bet9ja API lives; /desktop/feapi/... paths are appended (a path prefix is kept). */
  BET9JA_BASE_URL: baseUrl("https://sports.bet9ja.com"),
  /** Milliseconds one SportyBet request attempt may take, connect to last byte, before it is a timeout. */
  SPORTYBET_TIMEOUT_MS: intIn(100, 300_000).default(15_000),
  /** SportyBet requests in flight at most (discovery and event fetches share it); the reference runs 10. */
  SPORTYBET_CONCURRENCY: intIn(1, 100).default(10),
  /** Minimum milliseconds between the starts of two SportyBet requests; 0 = no pacing. */
  SPORTYBET_PACING_MS: intIn(0, 60_000).default(0),
  /** Milliseconds one Bet9ja request attempt may take, connect to last byte, before it is a timeout. */
  BET9JA_TIMEOUT_MS: intIn(100, 300_000).default(15_000),
  /** Bet9ja requests in flight at most (discovery and event fetches share it). */
  BET9JA_CONCURRENCY: intIn(1, 100).default(8),
  /** Minimum milliseconds between the starts of two Bet9ja requests; the reference pauses 25 ms. */
  BET9JA_PACING_MS: intIn(0, 60_000).default(25),
  /** Retries after a failed attempt (network error, timeout, 429, 5xx); 2 = at most 3 attempts. */
  SCRAPE_RETRIES: intIn(0, 10).default(2),
  /** Back-off base: retry n waits a random 0..min(SCRAPE_RETRY_MAX_MS, base x 2^n) ms (full jitter). */
  SCRAPE_RETRY_BASE_MS: intIn(0, 60_000).default(1_000),
  /** Longest back-off wait between two attempts. */
  SCRAPE_RETRY_MAX_MS: intIn(0, 600_000).default(10_000),
  /** Longest wait a Retry-After header (seconds or HTTP-date, on 429/5xx) can impose; longer ones are cut to it. */
  SCRAPE_RETRY_AFTER_MAX_MS: intIn(0, 600_000).default(30_000),
  /** Events per cycle per bookmaker source at most, soonest kick-off first; 0 = no cap. */
  SCRAPE_EVENT_LIMIT: intIn(0, 1_000_000).default(0),
  /** Largest request body the API reads (bytes); a larger one is refused with 413 before it is read. */
  API_MAX_BODY_BYTES: intIn(1_024, 104_857_600).default(1_048_576),
  /** Seconds between heartbeats of a running run; a run whose lock is free and that missed 3 of them is dead. */
  RUN_HEARTBEAT_SECONDS: intIn(1, 3_600).default(5),
  /** A running run with no heartbeat for this long is marked failed even while its lock is held. */
  RUN_STALE_SECONDS: intIn(2, 86_400).default(60),
  /** PostgreSQL: milliseconds to get a connection (new or from the pool) before the request fails (503). */
  DB_CONNECT_TIMEOUT_MS: intIn(100, 600_000).default(5_000),
  /** PostgreSQL: statement_timeout; the client gives up 2 s later (a stalled network). A 1,000-row flush chunk takes well under 1 s. */
  DB_STATEMENT_TIMEOUT_MS: intIn(100, 3_600_000).default(30_000),
  /** PostgreSQL: idle_in_transaction_session_timeout, so a transaction left open does not hold locks forever. */
  DB_IDLE_TX_TIMEOUT_MS: intIn(100, 3_600_000).default(60_000),
  /** PostgreSQL: keep the list's first pages and the stats prepared per connection; false behind a pooler that cannot (PgBouncer before 1.21 in transaction mode). */
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  /** /api/health waits this long for the database's answer before it reports `degraded` (503). */
  HEALTH_DB_TIMEOUT_MS: intIn(50, 60_000).default(1_500),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** The address people open (https://triage.example.com): cookies' Secure flag, the allowed host and origin. */
  PUBLIC_URL: httpUrl.optional(),
  /** Host names (no port) the server answers besides PUBLIC_URL's: comma-separated; default localhost, 127.0.0.1, [::1] and HOST. */
  ALLOWED_HOSTS: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    )
    .optional(),
  /** Behind a reverse proxy: X-Forwarded-For names the client and X-Forwarded-Proto=https makes cookies Secure. */
  TRUST_PROXY: bool.default(false),
  /** Signs session cookies. Required with DATABASE_URL; on PGlite one is generated into DATA_DIR/auth-secret. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The same as BETTER_AUTH_SECRET (read when that is unset). */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** With ADMIN_PASSWORD: the first admin, created at start while no user exists. */
  ADMIN_EMAIL: z.email("must be an email address").optional(),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").max(128).optional(),
  ADMIN_NAME: z.string().trim().min(1).max(100).default("Admin"),
  /** Sign-in attempts per client IP in SIGNIN_LIMIT_WINDOW_SECONDS; then 429 with Retry-After. */
  SIGNIN_LIMIT_PER_IP: intIn(1, 1_000_000).default(20),
  /** Sign-in attempts per account (email) in SIGNIN_LIMIT_WINDOW_SECONDS. */
  SIGNIN_LIMIT_PER_ACCOUNT: intIn(1, 1_000_000).default(10),
  SIGNIN_LIMIT_WINDOW_SECONDS: intIn(1, 86_400).default(900),
  /** API requests per token per minute. */
  API_TOKEN_RATE_PER_MINUTE: intIn(1, 1_000_000).default(1200),
  /** Milliseconds one webhook delivery attempt may take, connect to last byte. */
  WEBHOOK_TIMEOUT_MS: intIn(50, 300_000).default(10_000),
  /** First retry of a webhook delivery after about this long, doubling each attempt (with jitter). */
  WEBHOOK_RETRY_BASE_MS: intIn(1, 3_600_000).default(1_000),
  /** Hours a delivery is retried before it is marked failed; an endpoint failing this long is disabled. */
  WEBHOOK_RETRY_WINDOW_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /** Lets webhooks go to loopback, link-local and private addresses (server-side request forgery guard off). */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /** Days a finished webhook event (none of its deliveries pending) is kept in the delivery log; pruned hourly. */
  WEBHOOK_LOG_RETENTION_DAYS: intIn(1, 3650).default(30),
});

/** spillDir is null only for DATA_DIR=memory:// without SPILL_DIR: a private temporary folder then. */
export type Config = z.infer<typeof configSchema> & { dataDir: string; spillDir: string | null };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", so `PORT= npm start` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  const spillDir = parsed.data.SPILL_DIR
    ? path.resolve(parsed.data.SPILL_DIR)
    : parsed.data.DATA_DIR === "memory://"
      ? null
      : path.join(dataDir, "spill");
  if (Boolean(parsed.data.ADMIN_EMAIL) !== Boolean(parsed.data.ADMIN_PASSWORD)) {
    throw new ConfigError("Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD: set both (the first admin) or neither");
  }
  return { ...parsed.data, dataDir, spillDir };
}
