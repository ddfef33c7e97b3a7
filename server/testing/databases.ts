// Test databases: an in-memory PGlite always, and a fresh database on the real PostgreSQL named by
// TEST_DATABASE_URL (CI sets it). Each call gets an empty, migrated database of its own.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

if (process.env.CI && !TEST_DATABASE_URL) {
  throw new Error("CI must set TEST_DATABASE_URL so the PostgreSQL half of the suite runs");
}
if (!TEST_DATABASE_URL) {
  console.warn("[tests] TEST_DATABASE_URL is not set: PostgreSQL variants are reported as skipped");
}

export type DbKind = "pglite" | "postgres";
export const DB_KINDS: DbKind[] = ["pglite", "postgres"];

export interface TestDatabase {
  db: Database;
  /** postgres only: the URL of the fresh database, for starting a server on it. */
  url?: string;
  drop(): Promise<void>;
}

/** Creates an empty PostgreSQL database and returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `mt_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ memory: true });
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const created = await createPostgresDatabase();
  const db = await openDatabase({ url: created.url });
  await migrate(db);
  return {
    db,
    url: created.url,
    async drop() {
      await db.close();
      await created.drop();
    },
  };
}

/** Whether a kind can run here: PostgreSQL needs TEST_DATABASE_URL. */
export const available = (kind: DbKind) => kind === "pglite" || Boolean(TEST_DATABASE_URL);
