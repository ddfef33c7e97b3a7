// The databases a bench runs on: an in-memory PGlite always, and a throwaway PostgreSQL database
// when TEST_DATABASE_URL (or BENCH_DATABASE_URL) names a server it may create databases on.
import { openDatabase, type Database } from "@/server/db/client";
import { createPostgresDatabase } from "@/server/testing/databases";

export async function onEachDatabase(run: (label: string, db: Database) => Promise<void>): Promise<void> {
  const memory = await openDatabase({ memory: true });
  try {
    await run("PGlite (in memory)", memory);
  } finally {
    await memory.close();
  }
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (!pgUrl) {
    console.log("PostgreSQL: skipped (set TEST_DATABASE_URL=postgres://… to include it)");
    return;
  }
  process.env.TEST_DATABASE_URL = pgUrl;
  const created = await createPostgresDatabase();
  const db = await openDatabase({ url: created.url });
  try {
    await run("PostgreSQL", db);
  } finally {
    await db.close();
    await created.drop();
  }
}
