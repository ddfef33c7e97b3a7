// Named (prepared) statements on PostgreSQL, for the few statements a server sends over and over:
// the list's first pages and the stats. Sent as plain text, each one is parsed and planned again by PostgreSQL;
// planning the list's page (a union of per-status index walks, the counters' total) cost more than
// running it: about 0.59 ms of PostgreSQL's CPU per page against 0.26 ms prepared (100,000 markets,
// 32 clients). A statement is prepared once per pooled connection, by a name derived from its text.
//
// Bounded: a connection keeps at most MAX_PER_CONNECTION statements. Past that it is closed when
// it goes back to the pool (which opens a fresh one when needed), so clients that vary their
// filters, sorts and page sizes without end cannot grow a connection's memory without end.
//
// Only statements whose plan cannot depend on their parameters' values should come here (the
// caller says so): after five runs PostgreSQL may keep one generic plan for every value. The list
// sends its first pages with status, platform, reason and assignee filters (plain equalities), not
// its searches (`q`) or deep pages (OFFSET is in the text, so each page would be a statement).
//
// A pooler that shares connections between clients per transaction (PgBouncer before 1.21) does
// not know named statements: DATABASE_PREPARED_STATEMENTS=false sends them as plain text.
import { createHash } from "node:crypto";
import type pg from "pg";

/** Statements one connection may keep prepared before it is replaced. */
export const MAX_PER_CONNECTION = 100;

/** A statement's name: the same text gets the same name on every connection. */
export const statementName = (text: string) => `mt_${createHash("sha1").update(text).digest("base64url").slice(0, 24)}`;

/**
 * "cached plan must not change result type": another process changed a table under a prepared
 * statement (a rolling migration). The statement goes with its connection; it is sent again as text.
 */
const planChanged = (e: unknown) => (e as { code?: string }).code === "0A000";

export function preparedQueries(pool: pg.Pool, watch: (client: pg.PoolClient) => () => void) {
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();

  async function onItsConnection<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const client = await pool.connect();
    const unwatch = watch(client);
    let failed: Error | undefined;
    try {
      const res = await client.query({ name, text, values });
      const names = prepared.get(client) ?? new Set<string>();
      prepared.set(client, names.add(name));
      return res.rows as T[];
    } catch (e) {
      failed = e as Error;
      throw e;
    } finally {
      unwatch();
      // An error closes the connection (as pool.query does); so does one past its bound.
      client.release(failed ?? (prepared.get(client)?.size ?? 0) > MAX_PER_CONNECTION);
    }
  }

  return async function queryPrepared<T>(text: string, values: unknown[]): Promise<T[]> {
    try {
      return await onItsConnection<T>(statementName(text), text, values);
    } catch (e) {
      if (!planChanged(e)) throw e;
      return (await pool.query(text, values)).rows as T[];
    }
  };
}
