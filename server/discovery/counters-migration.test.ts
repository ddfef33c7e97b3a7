// The counters migration on a database that already holds markets (an upgrade): it fills the
// counters from the existing rows, and from then on the triggers keep them exact. Both databases.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/server/db/client";
import { migrate, MIGRATIONS_DIR } from "@/server/db/migrate";
import { available, createPostgresDatabase, DB_KINDS } from "@/server/testing/databases";
import { counterMismatches, fullCount, seedMarkets } from "@/server/testing/seed";

const COUNTERS = "20261201000200_market_counters";

describe.each(DB_KINDS)("counters migration on %s", (kind) => {
  let db: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await db?.close();
    await drop?.();
  });

  it.skipIf(!available(kind))("fills the counters from the markets already stored", async () => {
    const created = kind === "postgres" ? await createPostgresDatabase() : undefined;
    drop = created?.drop;
    db = await openDatabase(created ? { url: created.url } : { memory: true });
    // The migrations before this one, as an older release applied them.
    const older = fs.mkdtempSync(path.join(os.tmpdir(), "mt-older-"));
    for (const name of fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((n) => n < COUNTERS && fs.existsSync(path.join(MIGRATIONS_DIR, n, "migration.sql")))) {
      fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(older, name), { recursive: true });
    }
    await migrate(db, older);
    await seedMarkets(db, 3_000);
    expect(await migrate(db)).toContain(COUNTERS);
    const mismatches = await counterMismatches(db);
    console.log(`[migration] ${kind}: ${await fullCount(db)} existing markets counted, mismatches:`, mismatches);
    expect(mismatches).toEqual([]);
    await db.query(`UPDATE unmapped_markets SET status = 'IGNORED' WHERE id % 4 = 0`);
    await db.query(`DELETE FROM unmapped_markets WHERE id % 9 = 0`);
    expect(await counterMismatches(db)).toEqual([]);
  });
});
