// Starts the real server in-process (production Next build, real HTTP, real Socket.IO) on a random
// port with a seeded demo source, on PGlite in memory or a fresh PostgreSQL database.
import { loadConfig } from "@/server/config";
import { startServer, type StartedServer } from "@/server/app-server";
import { createDemoThreadSource } from "@/server/scraping/sources/demo/thread";
import type { Source } from "@/server/scraping/types";
import { createPostgresDatabase, type DbKind } from "./databases";

export interface TestServer extends StartedServer {
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
  return {
    ...server,
    async close() {
      await server.stop();
      await pgdb?.drop();
    },
  };
}
