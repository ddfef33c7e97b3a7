// The server thread's handle on the PGlite worker (host.ts): the part of PGlite's interface this
// app and pglite-prisma-adapter use (query, exec, transaction, close), each call a message. Rows
// come back as text and are parsed here with the parsers PGlite itself would apply (its defaults,
// its array parsers built from the same catalog list, and the caller's `parsers`), so callers see
// exactly what an in-thread PGlite gives them.
import { messages, types, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import { reviveError, WorkerRpc, type SerializedError } from "@/server/util/worker-rpc";
import { EngineActivity } from "./engine-activity";
import type { Ops, RawResults } from "./protocol";

type Parser = (x: string, typeId?: number) => unknown;
type Args<K extends keyof Ops> = Parameters<Ops[K]>[0];

/** PGlite's errors are DatabaseErrors (pglite-prisma-adapter tests for the class): rebuild them as such. */
function revive(s: SerializedError): Error {
  if (typeof s.fields.severity !== "string") return reviveError(s);
  const e = new messages.DatabaseError(s.message, Number(s.fields.length ?? 0), "error");
  return Object.assign(e, s.fields);
}

const SUPPORTED_OPTIONS = new Set(["rowMode", "parsers"]);

function checkOptions(options?: QueryOptions) {
  for (const key of Object.keys(options ?? {})) {
    if (SUPPORTED_OPTIONS.has(key)) continue;
    throw new Error(`PGlite worker: query option "${key}" is not supported`);
  }
}

/**
 * The longest a bulk statement waits for interactive calls to clear before it is sent anyway, so a
 * steady stream of requests cannot hold a flush back for long.
 */
const BULK_MAX_WAIT_MS = 250;

export class PGliteThread {
  private readonly rpc: WorkerRpc;
  private parsers: Record<number | string, Parser> = { ...types.parsers };
  private nextTx = 1;
  private isClosed = false;
  /** Interactive calls sent and not answered yet (requests, pings, transactions). */
  private interactive = 0;
  private whenIdle: (() => void)[] = [];
  private readonly activity = new EngineActivity();

  private constructor(onExit: (e: Error) => void) {
    this.rpc = new WorkerRpc(new URL("./host.ts", import.meta.url), { activity: this.activity.buffer }, { revive, onExit });
  }

  /** Opens the database in a new worker; `onExit` hears of a worker that died (every later call fails). */
  static async open(location: string, startParams: string[], onExit: (e: Error) => void = () => undefined): Promise<PGliteThread> {
    const db = new PGliteThread(onExit);
    try {
      const arrayTypes = await db.call("open", { location, startParams });
      for (const t of arrayTypes) {
        db.parsers[t.typarray] = (x) => types.arrayParser(x, db.parsers[t.oid] as Parser, t.typarray);
      }
    } catch (e) {
      await db.rpc.close();
      throw e;
    }
    return db;
  }

  private call<K extends keyof Ops>(op: K, args?: Args<K>): Promise<Awaited<ReturnType<Ops[K]>>> {
    this.interactive++;
    return this.rpc.call<Awaited<ReturnType<Ops[K]>>>(op, args).finally(() => {
      if (--this.interactive === 0) for (const wake of this.whenIdle.splice(0)) wake();
    });
  }

  /** Resolves once no interactive call is in flight, or after BULK_MAX_WAIT_MS. */
  private interactiveCleared(): Promise<void> {
    if (this.interactive === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, BULK_MAX_WAIT_MS);
      this.whenIdle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * A statement of background work (a flush chunk): sent when no interactive call is waiting, so a
   * request waits at most for the one statement already running, never for a queue of them.
   */
  async queryBulk<T>(sql: string, params: unknown[] = []): Promise<Results<T>> {
    await this.interactiveCleared();
    return this.parse<T>(await this.rpc.call("query", { sql, params }));
  }

  get closed(): boolean {
    return this.isClosed;
  }

  private parse<T>(r: RawResults, options?: QueryOptions): Results<T> {
    const parsers = options?.parsers ? { ...this.parsers, ...options.parsers } : this.parsers;
    const { fields } = r;
    const value = (v: string | null, i: number) => types.parseType(v, fields[i].dataTypeID, parsers);
    const rows =
      options?.rowMode === "array"
        ? r.rows.map((row) => row.map(value))
        : r.rows.map((row) => {
            const o: Record<string, unknown> = {};
            for (let i = 0; i < fields.length; i++) o[fields[i].name] = value(row[i], i);
            return o;
          });
    const out: Results<T> = { rows: rows as T[], fields, affectedRows: r.affectedRows, command: r.command };
    if (r.rowCount !== undefined) out.rowCount = r.rowCount;
    return out;
  }

  private async runQuery<T>(sql: string, params: unknown[] = [], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    checkOptions(options);
    return this.parse<T>(await this.call("query", { sql, params, tx }), options);
  }

  private async runExec(sql: string, options?: QueryOptions, tx?: number): Promise<Results[]> {
    checkOptions(options);
    return (await this.call("exec", { sql, tx })).map((r) => this.parse(r, options));
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.runQuery<T>(sql, params, options);
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.runExec(sql, options);
  }

  /** PGlite's transaction: committed when callback resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = this.nextTx++;
    await this.call("begin", { tx: id });
    let closed = false;
    const check = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    const tx = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => (check(), this.runQuery<R>(sql, params, options, id)),
      exec: (sql: string, options?: QueryOptions) => (check(), this.runExec(sql, options, id)),
      sql: () => Promise.reject(new Error("PGlite worker: tagged-template queries are not supported")),
      listen: () => Promise.reject(new Error("PGlite worker: LISTEN is not supported")),
      rollback: async () => {
        check();
        await this.call("rollback", { tx: id });
        closed = true;
      },
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await callback(tx);
    } catch (e) {
      closed = true;
      await this.call("end", { tx: id, commit: false }).catch(() => undefined);
      throw e;
    }
    closed = true;
    await this.call("end", { tx: id, commit: true });
    return result;
  }

  /**
   * Is the database answering? Yes at once while a statement is in the engine and one entered or
   * left it less than `withinMs` ago: it is working, and asking would only wait for that statement
   * to end. Otherwise yes when a statement next enters or leaves the engine, or the worker answers
   * Ops.ping (SELECT 1, which an open transaction holds back until it ends), whichever comes first. A
   * transaction left idle, or a statement stuck longer than `withinMs`, answers nothing.
   */
  ping(withinMs: number): Promise<boolean> {
    const seen = this.activity.progress();
    if (this.activity.workingWithin(withinMs)) return Promise.resolve(true);
    return Promise.race([this.call("ping"), this.activity.progressAfter(seen, withinMs)]);
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    try {
      await this.call("close");
    } finally {
      await this.rpc.close();
    }
  }
}
