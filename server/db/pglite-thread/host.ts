// The worker thread that owns the embedded database. PGlite runs each statement synchronously in
// WebAssembly, so on the server's own thread a statement held every request for its whole run (a
// 250-row flush chunk: 40-270 ms). Here it holds only this thread; the server thread stays free.
// Transactions stay open across requests: `begin` enters PGlite's transaction and parks it until
// `end`, so the semantics (one connection, queries outside wait for the transaction) are PGlite's own.
import { PGlite, type Results, type Transaction } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { rpcData, serveRpc } from "../../util/worker-rpc";
import { EngineActivity } from "./engine-activity";
import type { ArrayType, OpenArgs, RawResults } from "./protocol";

const ARRAY_TYPES_SQL = `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a
  LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
  WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid`;

let pgl: PGlite | null = null;
/** Shared with the server thread: which statements are in the engine (see engine-activity.ts). */
const activity = new EngineActivity(rpcData<{ activity: SharedArrayBuffer }>().activity);
/** Every known type's parser replaced by identity: values leave as the text PostgreSQL sent. */
let RAW: Record<number | string, (x: string) => string> = {};

interface OpenTx {
  tx: Transaction;
  /** The transaction's requests run one after another, in the order they were sent. */
  chain: Promise<unknown>;
  finish: (commit: boolean) => void;
  done: Promise<void>;
}
const open = new Map<number, OpenTx>();

const db = () => {
  if (!pgl) throw new Error("database not open");
  return pgl;
};

function raw(r: Results<unknown[]>): RawResults {
  return { fields: r.fields, rows: r.rows as (string | null)[][], affectedRows: r.affectedRows, rowCount: r.rowCount, command: r.command };
}

/**
 * Runs fn after the transaction's earlier requests (or at once outside one), marked as in the engine
 * while it runs there. A statement outside a transaction while one is open waits for that one to end
 * first, so it is not marked: it would make an idle transaction look like work. Requests that arrive
 * while a statement runs cannot make a stuck one look like work either: the engine holds this
 * thread while it runs, so their messages are read only once it has left.
 */
function inOrder<T>(tx: number | undefined, fn: (target: PGlite | Transaction) => Promise<T>): Promise<T> {
  if (tx === undefined) return open.size > 0 ? fn(db()) : activity.around(() => fn(db()));
  const t = open.get(tx);
  if (!t) return Promise.reject(new Error(`transaction ${tx} is not open`));
  const run = t.chain.then(() => activity.around(() => fn(t.tx)));
  t.chain = run.catch(() => undefined);
  return run;
}

const ROLLED_BACK = Symbol("rolled back");

serveRpc({
  async open({ location, startParams }: OpenArgs): Promise<ArrayType[]> {
    pgl = new PGlite(location, { startParams, extensions: { pg_trgm } });
    await pgl.waitReady;
    RAW = Object.fromEntries(Object.keys(pgl.parsers).map((k) => [k, (x: string) => x]));
    // The same list PGlite built its array parsers from, so the server thread can build the same.
    const types = await pgl.query<ArrayType>(ARRAY_TYPES_SQL);
    return types.rows.map((t) => ({ oid: Number(t.oid), typarray: Number(t.typarray) }));
  },

  query({ sql, params, tx }: { sql: string; params: unknown[]; tx?: number }) {
    return inOrder(tx, async (target) => raw(await target.query<unknown[]>(sql, params, { rowMode: "array", parsers: RAW })));
  },

  exec({ sql, tx }: { sql: string; tx?: number }) {
    return inOrder(tx, async (target) =>
      (await target.exec(sql, { rowMode: "array", parsers: RAW })).map((r) => raw(r as Results<unknown[]>)),
    );
  },

  begin({ tx }: { tx: number }): Promise<void> {
    return new Promise<void>((entered, failed) => {
      let finish!: (commit: boolean) => void;
      const decided = new Promise<void>((resolve, reject) => {
        finish = (commit) => (commit ? resolve() : reject(ROLLED_BACK));
      });
      const done = db()
        .transaction(async (t) => {
          open.set(tx, { tx: t, chain: Promise.resolve(), finish, done });
          entered();
          await decided;
        })
        .catch((e) => {
          if (e !== ROLLED_BACK) throw e;
        })
        .finally(() => open.delete(tx));
      // BEGIN itself failed: the callback never ran.
      done.catch(failed);
    });
  },

  rollback({ tx }: { tx: number }) {
    return inOrder(tx, (target) => (target as Transaction).rollback());
  },

  async end({ tx, commit }: { tx: number; commit: boolean }) {
    const t = open.get(tx);
    if (!t) throw new Error(`transaction ${tx} is not open`);
    await t.chain;
    await activity.around(() => {
      t.finish(commit);
      return t.done;
    });
  },

  // Outside a transaction it answers at once; while one is open it waits for its end. The server
  // thread does not wait for that: it also takes a statement entering or leaving the engine.
  async ping() {
    await db().query("SELECT 1");
    return true;
  },

  async close() {
    if (pgl && !pgl.closed) await pgl.close();
  },
});
