// Applies committed Prisma migrations at start, without the Prisma CLI (its PostgreSQL path cannot
// run here, see docs). Each migration runs in one transaction on one connection and is recorded in
// _prisma_migrations exactly as Prisma records it, so `prisma migrate status` agrees.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Database } from "./client";
import { LOCKS } from "./locks";

export const MIGRATIONS_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../prisma/migrations");

export class MigrationError extends Error {}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Returns the names of the migrations it applied. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  return db.withAdvisoryLock(LOCKS.migration, async (exec) => {
    await exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const applied = await db.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const known = new Map(applied.map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = known.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was changed after it was applied to this database. ` +
              `Committed migrations are immutable: add a new migration instead.`,
          );
        }
        continue;
      }
      try {
        await exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" ` +
            `(id, checksum, finished_at, migration_name, applied_steps_count) VALUES ` +
            `(${quote(randomUUID())}, ${quote(m.checksum)}, now(), ${quote(m.name)}, 1);\nCOMMIT;`,
        );
      } catch (e) {
        await exec("ROLLBACK").catch(() => undefined);
        throw new MigrationError(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  });
}
