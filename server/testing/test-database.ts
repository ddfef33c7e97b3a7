// The database a block of tests works on, on each kind: describeOnDatabases opens a fresh migrated
// test database before the block's tests (or before each test, `fresh: "each"`) and drops it after.
// Where PostgreSQL is not configured its block is reported as skipped, and none of its hooks run.
import { afterAll, afterEach, beforeAll, beforeEach, describe } from "vitest";
import { available, DB_KINDS, openTestDatabase, type DbKind, type TestDatabase } from "./databases";

interface Options {
  /** "block" (default): one database for the block's tests; "each": a fresh one for each test. */
  fresh?: "block" | "each";
  /** The kinds to run on; both by default. */
  kinds?: readonly DbKind[];
}
type Body = (t: TestDatabase, kind: DbKind) => void;

/** `title` names the kind with %s, like describe.each: "flush on %s". Options, if any, come before the body. */
export function describeOnDatabases(title: string, ...args: [Body] | [Options, Body]): void {
  const [{ fresh = "block", kinds = DB_KINDS }, body] = args.length === 1 ? [{}, args[0]] : args;
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
