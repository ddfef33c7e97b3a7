// Starts the real server in-process (production Next build, real HTTP, real Socket.IO) on a random
// port with a seeded demo source, on PGlite in memory or a fresh PostgreSQL database. The first
// admin is created at start (TEST_AUTH_ENV) and an admin API token made for it, so tests call the
// API as a tool would: `server.fetch` sends it, `server.token` is it (sockets pass it as auth.token).
import { loadConfig } from "@/server/config";
import { startServer, type StartedServer } from "@/server/app-server";
import { createDemoThreadSource } from "@/server/scraping/sources/demo/thread";
import type { Source } from "@/server/scraping/types";
import { bearerFetch, createToken, TEST_AUTH_ENV } from "./auth";
import { createPostgresDatabase, type DbKind } from "./databases";

export interface TestServer extends StartedServer {
  /** An admin API token ("" when the server started without a first admin). */
  token: string;
  /** fetch(`${url}${path}`) with Authorization: Bearer <token>. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The configuration of a server started inside a test or bench process: production mode on a free
 * port of 127.0.0.1, an in-memory PGlite unless `env` names a DATABASE_URL, no scheduled scrapes.
 */
export function inProcessConfig(env: Record<string, string>) {
  return loadConfig({
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: "memory://",
    SCRAPE_INTERVAL_SECONDS: "0",
    ...TEST_AUTH_ENV,
    ...env,
  });
}

export async function startTestServer(
  kind: DbKind,
  opts: { env?: Record<string, string>; sources?: Source[]; demo?: { events?: number; newPerCycle?: number; seed?: number } } = {},
): Promise<TestServer> {
  const pgdb = kind === "postgres" ? await createPostgresDatabase() : undefined;
  const config = inProcessConfig({ LOG_LEVEL: "warn", ...(pgdb ? { DATABASE_URL: pgdb.url } : {}), ...opts.env });
  const sources = opts.sources ?? [
    createDemoThreadSource({ seed: opts.demo?.seed ?? 7, events: opts.demo?.events ?? 6, newPerCycle: opts.demo?.newPerCycle ?? 2 }),
  ];
  const server = await startServer(config, { sources, log: () => undefined });
  // Without a first admin (env clears ADMIN_EMAIL: the setup flow's tests) there is nobody to make a token.
  const token = config.ADMIN_EMAIL ? (await createToken(server.url, "admin")).token : "";
  return {
    ...server,
    token,
    fetch: bearerFetch(
      () => server.url,
      () => token,
    ),
    async close() {
      await server.stop();
      await pgdb?.drop();
    },
  };
}
