// The list's first pages stay prepared on PostgreSQL (parsed and planned once per connection), a
// connection keeps a bounded number of them, a table changed under one is answered anyway, and
// DATABASE_PREPARED_STATEMENTS=false sends them as text. Sequential queries on an otherwise idle
// pool reuse one connection, so a query after them sees that connection's prepared statements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UnmappedListQuery } from "@/lib/contract/unmapped";
import { openDatabase, type Database } from "@/server/db/client";
import { listSql } from "@/server/discovery/list-sql";
import { available, openTestDatabase, type TestDatabase } from "@/server/testing/databases";
import { seedMarkets } from "@/server/testing/seed";
import { MAX_PER_CONNECTION, statementName } from "./prepared";

const firstPage: UnmappedListQuery = { sort: "priority", order: "desc", page: 1, pageSize: 50, status: ["NEW"] };

async function onOneConnection(db: Database) {
  const [row] = await db.query<{ pid: number; names: string[] }>(
    "SELECT pg_backend_pid() AS pid, COALESCE(array_agg(name::text), '{}') AS names FROM pg_prepared_statements",
  );
  return row;
}

describe.skipIf(!available("postgres"))("prepared statements on PostgreSQL", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase("postgres");
    await seedMarkets(t.db, 500);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("a first page is prepared once and answers exactly what the same text sent plainly does", async () => {
    const sql = listSql(firstPage);
    expect(sql.preparable).toBe(true);
    // The score counts from now(), which moves between statements: everything else must be equal.
    const timeless = (rows: Record<string, unknown>[]) => rows.map(({ priority_score: _, ...rest }) => rest);
    const plain = timeless(await t.db.query(sql.page, sql.params));
    // Past the fifth run PostgreSQL may switch to a generic plan: the answers must not change.
    for (let i = 0; i < 7; i++) expect(timeless(await t.db.query(sql.page, sql.params, { prepare: true }))).toEqual(plain);
    expect(plain).toHaveLength(50);
    const { names } = await onOneConnection(t.db);
    expect(names).toContain(statementName(sql.page));
  });

  it("searches, minimums, deeper pages and cursors are never marked preparable", () => {
    expect(listSql({ ...firstPage, q: "corners" }).preparable).toBe(false);
    expect(listSql({ ...firstPage, minOccurrences: 3 }).preparable).toBe(false);
    expect(listSql({ ...firstPage, page: 2 }).preparable).toBe(false);
    const cursor = { mode: "cursor" as const, limit: 50, after: [1, 5], next: () => "" };
    expect(listSql(firstPage, null, cursor).preparable).toBe(false);
    expect(listSql({ ...firstPage, source: ["sportybet"], reason: "UNKNOWN_MARKET" }).preparable).toBe(true);
  });

  it(`a connection past ${MAX_PER_CONNECTION} prepared statements is replaced, so none keeps more`, async () => {
    const before = await onOneConnection(t.db);
    for (let i = 0; i <= MAX_PER_CONNECTION; i++) {
      const [row] = await t.db.query<{ n: number }>(`SELECT ${i}::int AS n`, [], { prepare: true });
      expect(row.n).toBe(i);
    }
    const after = await onOneConnection(t.db);
    expect(after.pid).not.toBe(before.pid);
    expect(after.names.length).toBeLessThanOrEqual(MAX_PER_CONNECTION);
  });

  it("a table changed under a prepared statement (another process migrating) is answered, not an error", async () => {
    await t.db.exec("CREATE TABLE prepared_probe (a int); INSERT INTO prepared_probe VALUES (1)");
    const text = "SELECT * FROM prepared_probe";
    expect(await t.db.query(text, [], { prepare: true })).toEqual([{ a: 1 }]);
    await t.db.exec("ALTER TABLE prepared_probe ADD COLUMN b int DEFAULT 2");
    expect(await t.db.query(text, [], { prepare: true })).toEqual([{ a: 1, b: 2 }]);
    expect(await t.db.query(text, [], { prepare: true })).toEqual([{ a: 1, b: 2 }]);
  });

  it("with prepared statements off, the same calls prepare nothing", async () => {
    const db = await openDatabase({ url: t.url!, prepare: false });
    try {
      const sql = listSql(firstPage);
      for (let i = 0; i < 3; i++) expect(await db.query(sql.page, sql.params, { prepare: true })).toHaveLength(50);
      expect((await onOneConnection(db)).names).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
