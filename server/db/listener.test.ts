// LISTEN survives the loss of its connection: after its backend is terminated it reconnects,
// listens again, and calls back once for what it may have missed; later NOTIFYs arrive as before.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { available, openTestDatabase, type TestDatabase } from "@/server/testing/databases";
import { waitFor } from "@/server/testing/wait";

describe.skipIf(!available("postgres"))("LISTEN on PostgreSQL", () => {
  let t: TestDatabase;
  let direct: pg.Client;
  beforeAll(async () => {
    t = await openTestDatabase("postgres");
    direct = new pg.Client({ connectionString: t.url });
    await direct.connect();
  });
  afterAll(async () => {
    await direct?.end();
    await t?.drop();
  });

  it("reconnects after its backend is terminated, with no uncaught exception, and keeps delivering", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      let calls = 0;
      await t.db.listen("test_channel", () => calls++);
      await direct.query("SELECT pg_notify('test_channel', '')");
      await waitFor("the first notification", () => (calls >= 1 ? true : undefined));

      const backend = async () =>
        (
          await direct.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
          )
        ).rows[0]?.pid;
      const first = await waitFor("the LISTEN backend", backend);
      await direct.query("SELECT pg_terminate_backend($1)", [first]);
      const second = await waitFor("a new LISTEN backend", async () => {
        const pid = await backend();
        return pid && pid !== first ? pid : undefined;
      });
      // Reconnected: it called back once (notifications may have been missed), and NOTIFY works again.
      const afterReconnect = await waitFor("the catch-up call", () => (calls >= 2 ? calls : undefined));
      await direct.query("SELECT pg_notify('test_channel', '')");
      await waitFor("a notification after the reconnect", () => (calls > afterReconnect ? true : undefined));
      console.log(`[listen] backend ${first} terminated, listening again on ${second}; ${calls} callbacks`);
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});
