// What the at-scale parts of `npm run bench` (list.ts, export.ts) share: the database sizes to run
// at, a seeded database (PostgreSQL seeded before the server starts, PGlite inside it), and the
// seeding itself with the secondary indexes dropped and rebuilt after (building an index is far
// faster than maintaining it row by row).
import { performance } from "node:perf_hooks";
import { startServer, type StartedServer } from "@/server/app-server";
import { openDatabase, type Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { createPostgresDatabase } from "@/server/testing/databases";
import { seedMarkets } from "@/server/testing/seed";
import { inProcessConfig } from "@/server/testing/server";

export type Kind = "pglite" | "postgres";
export const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function seed(db: Database, n: number) {
  const t0 = performance.now();
  const idx = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'unmapped_markets'
     AND indexname NOT IN ('unmapped_markets_pkey', 'unmapped_markets_source_external_market_id_key')`,
  );
  await db.exec(idx.map((i) => `DROP INDEX "${i.indexname}";`).join("\n"));
  await seedMarkets(db, n);
  await db.exec(idx.map((i) => `${i.indexdef};`).join("\n"));
  await db.exec("VACUUM ANALYZE unmapped_markets");
  // The seed's pages written out now, not by a checkpoint in the middle of the figures (at a
  // million markets, hundreds of megabytes). It needs a superuser or pg_checkpoint on PostgreSQL:
  // without, the figures just run sooner.
  await db.exec("CHECKPOINT").catch((e) => console.log(`  (no CHECKPOINT after seeding: ${(e as Error).message})`));
  console.log(`  seeded ${fmt(n)} markets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** The real server in this process on a database of `n` seeded markets; `stop` also drops a PostgreSQL one. */
export async function seededServer(
  kind: Kind,
  n: number,
  env: Record<string, string> = {},
): Promise<{ server: StartedServer; url: string | null; stop: () => Promise<void> }> {
  const created = kind === "postgres" ? await createPostgresDatabase() : undefined;
  if (created) {
    const db = await openDatabase({ url: created.url });
    await migrate(db);
    await seed(db, n);
    await db.close();
  }
  const config = inProcessConfig({ LOG_LEVEL: "error", ...env, ...(created ? { DATABASE_URL: created.url } : {}) });
  const server = await startServer(config, { sources: [], log: () => undefined });
  if (!created) await seed(server.runtime.db, n);
  return {
    server,
    url: created?.url ?? null,
    stop: async () => {
      await server.stop();
      await created?.drop();
    },
  };
}

/** Runs `bench` for each "kind:n" of the `envVar` list (else `defaults`); PostgreSQL only with TEST_DATABASE_URL. */
export async function forEachSize(envVar: string, defaults: string, bench: (kind: Kind, n: number) => Promise<void>) {
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
  for (const size of (process.env[envVar] ?? defaults).split(",")) {
    const [kind, n] = size.split(":") as [Kind, string];
    if (kind === "postgres" && !pgUrl) {
      console.log(`PostgreSQL ${fmt(Number(n))}: skipped (set TEST_DATABASE_URL=postgres://… to include it)`);
      continue;
    }
    await bench(kind, Number(n));
  }
}
