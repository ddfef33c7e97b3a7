// The database: Prisma for typed access, plus the raw driver for the two things Prisma does badly
// here (multi-statement migration scripts and the bulk upsert). Embedded PGlite by default;
// PostgreSQL when a URL is given. Either way one instance per process (see server/runtime.ts).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { log } from "@/server/log";
import { acquireDirLock, type DirLock } from "./lock";

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly prisma: PrismaClient;
  /** Parameterised query; rows as objects. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements on one connection (simple-query protocol). */
  exec(script: string): Promise<void>;
  /** Runs fn while holding a PostgreSQL advisory lock on one connection. */
  withAdvisoryLock<T>(key: number, fn: (exec: (script: string) => Promise<void>) => Promise<T>): Promise<T>;
  /**
   * Takes a session-level advisory lock if it is free, held until the returned release is called.
   * It is how processes sharing one PostgreSQL agree that only one scrape runs at a time.
   */
  tryLock(key: number): Promise<(() => Promise<void>) | null>;
  /** Calls back on NOTIFY of a channel from any process (PostgreSQL); PGlite has one process. */
  listen(channel: string, onNotify: () => void): Promise<void>;
  notify(channel: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

const PGLITE_START = [...PGlite.defaultStartParams, "-c", "log_startup_progress_interval=0"];

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return "url" in target ? openPostgres(target.url) : openPglite(target);
}

async function openPglite(target: { dataDir: string } | { memory: true }): Promise<Database> {
  let lock: DirLock | undefined;
  let location = "memory://";
  if ("dataDir" in target) {
    lock = acquireDirLock(target.dataDir);
    location = path.join(target.dataDir, "pglite");
    fs.mkdirSync(location, { recursive: true });
  }
  let pgl: PGlite;
  try {
    pgl = new PGlite(location, { startParams: PGLITE_START, extensions: { pg_trgm } } as never);
    await pgl.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pgl) });
  const exec = async (script: string) => {
    await pgl.exec(script);
  };
  return {
    kind: "pglite",
    prisma,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pgl.query<T>(sql, params)).rows;
    },
    exec,
    // PGlite is one connection: the lock is still taken so the code path matches PostgreSQL.
    async withAdvisoryLock(key, fn) {
      await pgl.query("SELECT pg_advisory_lock($1)", [key]);
      try {
        return await fn(exec);
      } finally {
        await pgl.query("SELECT pg_advisory_unlock($1)", [key]);
      }
    },
    // One process owns a PGlite folder, so the in-process checks are already exclusive.
    async tryLock() {
      return async () => undefined;
    },
    async listen() {},
    async notify() {},
    async ping() {
      try {
        await pgl.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      try {
        await prisma.$disconnect();
        if (!pgl.closed) await pgl.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection emits on the pool; without a listener that crashes the process.
  pool.on("error", (e) => log.error("[db] idle PostgreSQL client error:", e.message));
  await pool.query("SELECT 1"); // fail fast with a clear error if the server is unreachable
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let listener: pg.Client | undefined;
  let listenerReady: Promise<void> | undefined;
  const listeners = new Map<string, (() => void)[]>();
  return {
    kind: "postgres",
    prisma,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(script) {
      await pool.query(script);
    },
    async withAdvisoryLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [key]);
        try {
          return await fn(async (script) => {
            await client.query(script);
          });
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [key]);
        }
      } finally {
        client.release();
      }
    },
    async tryLock(key) {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [key]);
        if (!rows[0]?.locked) {
          client.release();
          return null;
        }
      } catch (e) {
        client.release();
        throw e;
      }
      return async () => {
        try {
          await client.query("SELECT pg_advisory_unlock($1)", [key]);
        } finally {
          client.release();
        }
      };
    },
    async listen(channel, onNotify) {
      // A dedicated connection: LISTEN belongs to a session, which a pooled query does not keep.
      listener ??= new pg.Client({ connectionString: url });
      if (!listenerReady) {
        listenerReady = listener.connect().then(() => undefined);
        listener.on("notification", (n) => listeners.get(n.channel)?.forEach((fn) => fn()));
        listener.on("error", (e) => log.error("[db] LISTEN connection error:", e.message));
      }
      await listenerReady;
      if (!listeners.has(channel)) {
        listeners.set(channel, []);
        await listener.query(`LISTEN "${channel.replace(/"/g, "")}"`);
      }
      listeners.get(channel)!.push(onNotify);
    },
    async notify(channel) {
      await pool.query("SELECT pg_notify($1, '')", [channel]);
    },
    async ping() {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await listener?.end().catch(() => undefined);
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
