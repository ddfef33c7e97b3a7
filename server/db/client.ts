// The database: Prisma for typed access, plus the raw driver for the two things Prisma does badly
// here (multi-statement migration scripts and the bulk upsert). Embedded PGlite by default;
// PostgreSQL when a URL is given. Either way one instance per process (see server/runtime/index.ts).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { log } from "@/server/log";
import { Listener } from "./listener";
import { PGliteThread } from "./pglite-thread/remote";
import { acquireDirLock, type DirLock } from "./lock";
import { preparedQueries } from "./prepared";

/** `prepare`: a statement sent over and over whose plan does not depend on its parameters' values (prepared.ts). */
interface QueryOptions {
  prepare?: boolean;
}

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly prisma: PrismaClient;
  /**
   * Parameterised query; rows as objects. `prepare`: a statement sent over and over whose plan does
   * not depend on its parameters' values, kept prepared per connection on PostgreSQL (prepared.ts).
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  /**
   * The same for background work (a flush chunk): on the embedded database it goes after the
   * interactive queries waiting for it (one connection serves both); on PostgreSQL it is query().
   */
  queryBulk<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements on one connection (simple-query protocol). */
  exec(script: string): Promise<void>;
  /** Runs fn while holding a PostgreSQL advisory lock on one connection. */
  withAdvisoryLock<T>(key: number, fn: (exec: (script: string) => Promise<void>) => Promise<T>): Promise<T>;
  /**
   * Takes a session-level advisory lock if it is free, held until the returned release is called.
   * It tells other processes sharing one PostgreSQL that this one is alive and running a scrape.
   * @param onLost called once if the lock's connection is lost while held (the lock is gone with it).
   */
  tryLock(key: number, onLost?: (e: Error) => void): Promise<(() => Promise<void>) | null>;
  /** Calls back on NOTIFY of a channel from any process (PostgreSQL); PGlite has one process. */
  listen(channel: string, onNotify: () => void): Promise<void>;
  notify(channel: string): Promise<void>;
  /**
   * false when the database does not answer; resolves within the connect timeout (PostgreSQL).
   * @param withinMs how long the caller will wait (PGlite: a statement in its engine that made
   * progress within this long is an answer).
   */
  ping(withinMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** PostgreSQL limits, so a stalled or unreachable database ends requests instead of hanging them. */
interface DbTimeouts {
  /** Getting a connection (new or from the pool). */
  connectMs: number;
  /** One statement on the server (its statement_timeout). */
  statementMs: number;
  /** A transaction left idle (idle_in_transaction_session_timeout). */
  idleInTransactionMs: number;
}

/** How long a PGlite transaction may wait for the ones queued before it, and run. */
const PGLITE_TX_WAIT_MS = 30_000;
/** A ping without configured limits (tools, tests) still gives up after this long. */
const PING_TIMEOUT_MS = 5_000;
/** How much longer than statementMs the client waits for a reply before it gives up on the connection. */
const QUERY_TIMEOUT_MARGIN_MS = 2_000;

/**
 * `timeouts`: the server passes its configured limits (config.ts). Tools and tests that open a
 * database directly pass none: their statements (bulk loads, VACUUM) may rightly take long.
 */
export type DatabaseTarget =
  | { url: string; timeouts?: DbTimeouts; /** Named statements where asked (default true). */ prepare?: boolean }
  | { dataDir: string }
  | { memory: true };

const PGLITE_START = [...PGlite.defaultStartParams, "-c", "log_startup_progress_interval=0"];

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return "url" in target ? openPostgres(target.url, target.timeouts, target.prepare ?? true) : openPglite(target);
}

async function openPglite(target: { dataDir: string } | { memory: true }): Promise<Database> {
  let lock: DirLock | undefined;
  let location = "memory://";
  if ("dataDir" in target) {
    lock = acquireDirLock(target.dataDir);
    location = path.join(target.dataDir, "pglite");
    fs.mkdirSync(location, { recursive: true });
  }
  let pgl: PGliteThread;
  try {
    // In a worker thread: a statement runs synchronously inside PGlite and would otherwise hold
    // the server's event loop (every request, Socket.IO ping and timer) for its whole run.
    pgl = await PGliteThread.open(location, PGLITE_START, (e) => log.error(`[db] the embedded database stopped: ${e.message}`));
  } catch (e) {
    lock?.release();
    throw e;
  }
  // The adapter uses the part of PGlite's interface the thread handle provides (query, exec, transaction).
  // One connection: concurrent transactions (50 parallel edits, say) wait their turn, each for the
  // ones before it, so waiting to start is normal here and must not fail after Prisma's default 2 s.
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(pgl as unknown as PGlite),
    transactionOptions: { maxWait: PGLITE_TX_WAIT_MS, timeout: PGLITE_TX_WAIT_MS },
  });
  const exec = async (script: string) => {
    await pgl.exec(script);
  };
  return {
    kind: "pglite",
    prisma,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pgl.query<T>(sql, params)).rows;
    },
    async queryBulk<T>(sql: string, params: unknown[] = []) {
      return (await pgl.queryBulk<T>(sql, params)).rows;
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
    async ping(withinMs = PING_TIMEOUT_MS) {
      try {
        return await pgl.ping(withinMs);
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

/** Raw pg clients this module creates or checks out must handle `error`: an unhandled one is an uncaught exception. */
function onceLogged(client: pg.Client | pg.PoolClient, what: string, then?: (e: Error) => void): () => void {
  let seen = false;
  const onError = (e: Error) => {
    if (seen) return;
    seen = true;
    log.error(`[db] ${what}: ${e.message}`);
    then?.(e);
  };
  client.on("error", onError);
  // A pooled client is checked out again later: its listener must go when it goes back.
  return () => void client.removeListener("error", onError);
}

async function openPostgres(url: string, timeouts: DbTimeouts | undefined, prepare: boolean): Promise<Database> {
  // The server ends a statement after statementMs; the client gives up a little later, so a stalled
  // network (no reply at all, not even the server's cancel) also ends the request.
  const queryTimeoutMs = timeouts ? timeouts.statementMs + QUERY_TIMEOUT_MARGIN_MS : undefined;
  const connection = { connectionString: url, connectionTimeoutMillis: timeouts?.connectMs, keepAlive: true };
  const pool = new pg.Pool({
    ...connection,
    max: 10,
    statement_timeout: timeouts?.statementMs,
    idle_in_transaction_session_timeout: timeouts?.idleInTransactionMs,
    query_timeout: queryTimeoutMs,
  });
  // An idle client that loses its connection emits on the pool; without a listener that crashes the process.
  pool.on("error", (e) => log.error("[db] idle PostgreSQL client error:", e.message));
  await pool.query("SELECT 1"); // fail fast with a clear error if the server is unreachable
  // Starting a transaction waits for a pooled connection: as long as getting one may take.
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: timeouts?.connectMs ?? PING_TIMEOUT_MS, timeout: timeouts?.statementMs ?? 30_000 },
  });
  const listener = new Listener(connection);
  // Pings have a connection of their own: health says whether PostgreSQL answers, and must not wait
  // for a pooled connection behind a scrape's statements. A lost connection is replaced at the next ping.
  const pingPool = new pg.Pool({ ...connection, max: 1, idleTimeoutMillis: 0 });
  pingPool.on("error", (e) => log.error("[db] health-check connection error:", e.message));
  let pinging: Promise<boolean> | null = null;
  const queryPrepared = preparedQueries(pool, (client) => onceLogged(client, "pooled connection lost"));
  return {
    kind: "postgres",
    prisma,
    async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions) {
      if (prepare && options?.prepare) return queryPrepared<T>(sql, params);
      return (await pool.query(sql, params)).rows as T[];
    },
    async queryBulk<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(script) {
      await pool.query(script);
    },
    // A connection of its own, without the statement timeouts: a migration may rightly take long,
    // and waiting for another process's migration is waiting for the lock.
    async withAdvisoryLock(key, fn) {
      const client = new pg.Client(connection);
      onceLogged(client, "migration connection error");
      await client.connect();
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
        await client.end().catch(() => undefined);
      }
    },
    async tryLock(key, onLost) {
      const client = await pool.connect();
      let held = false;
      let lost = false;
      // The lock lives as long as this session: if its connection dies the lock is gone with it.
      // Errors after release are the pool's to handle (its idle listener); a broken connection is
      // released with the error so the pool discards it.
      const giveBack = (e?: Error) => {
        forget();
        client.release(e);
      };
      const forget = onceLogged(client, `connection holding advisory lock ${key} lost`, (e) => {
        lost = true;
        giveBack(e);
        if (held) onLost?.(e);
      });
      try {
        const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [key]);
        if (!rows[0]?.locked) {
          giveBack();
          return null;
        }
      } catch (e) {
        if (!lost) giveBack(e as Error);
        throw e;
      }
      held = true;
      let released = false;
      return async () => {
        if (released || lost) return;
        released = true;
        try {
          await client.query("SELECT pg_advisory_unlock($1)", [key]);
          giveBack();
        } catch (e) {
          if (!lost) giveBack(e as Error); // the session ends, and the lock with it
        }
      };
    },
    listen: (channel, onNotify) => listener.listen(channel, onNotify),
    async notify(channel) {
      await pool.query("SELECT pg_notify($1, '')", [channel]);
    },
    // Concurrent health checks share one ping, so a stalled database does not fill the pool with them.
    ping() {
      const ping = {
        text: "SELECT 1",
        query_timeout: Math.min(queryTimeoutMs ?? PING_TIMEOUT_MS, timeouts?.connectMs ?? PING_TIMEOUT_MS),
      } as pg.QueryConfig;
      pinging ??= pingPool
        .query(ping)
        .then(
          () => true,
          () => false,
        )
        .finally(() => (pinging = null));
      return pinging;
    },
    async close() {
      await listener.close();
      await prisma.$disconnect();
      await Promise.all([pool.end(), pingPool.end()]);
    },
  };
}

/** Pings and waits at most `ms`: a stalled database must not stall the health check with it. */
export async function pingWithin(db: Database, ms: number): Promise<{ ok: boolean; error?: "timeout" | "unreachable" }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)));
  try {
    const r = await Promise.race([db.ping(ms), timeout]);
    return r === true ? { ok: true } : { ok: false, error: r === "timeout" ? "timeout" : "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
