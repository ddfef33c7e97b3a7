// The database a block of tests works on, on each kind: describeOnDatabases opens a fresh migrated
// test database before the block's tests (or before each test, `fresh: "each"`) and drops it after.
// Where PostgreSQL is not configured its block is reported as skipped, and none of its hooks run.
import { afterAll, afterEach, beforeAll, beforeEach, describe } from "vitest";
import { available, DB_KINDS, openTestDatabase, type DbKind, type TestDatabase } from "./databases";

/** `title` names the kind with %s, like describe.each: "flush on %s". `kinds` narrows the databases. */
export function describeOnDatabases(
  title: string,
  body: (t: TestDatabase, kind: DbKind) => void,
  { fresh = "block", kinds = DB_KINDS }: { fresh?: "block" | "each"; kinds?: readonly DbKind[] } = {},
): void {
  for (const kind of kinds) {
    describe.skipIf(!available(kind))(title.replace("%s", kind), () => {
      let current: TestDatabase | undefined;
      const open = () => {
        if (!current) throw new Error(`no ${kind} test database is open here (only inside hooks and tests)`);
        return current;
      };
      (fresh === "each" ? beforeEach : beforeAll)(async () => {
        current = await openTestDatabase(kind);
      });
      (fresh === "each" ? afterEach : afterAll)(async () => {
        await current?.drop();
        current = undefined;
      });
      // The block's hooks and tests read the database through this view: each test sees the one open now.
      const t: TestDatabase = {
        get db() {
          return open().db;
        },
        get url() {
          return open().url;
        },
        drop: () => open().drop(),
      };
      body(t, kind);
    });
  }
}
