// The fault proxy itself: a swallowed reply still commits; cut and stall behave as the fault tests assume.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, TEST_DATABASE_URL } from "./databases";
import { TcpProxy } from "./tcp-proxy";

describe.runIf(TEST_DATABASE_URL)("TcpProxy in front of PostgreSQL", () => {
  let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let proxy: TcpProxy;
  let url: string;
  beforeAll(async () => {
    created = await createPostgresDatabase();
    ({ proxy, url } = await TcpProxy.forUrl(created.url));
    const direct = new pg.Client({ connectionString: created.url });
    await direct.connect();
    await direct.query("CREATE TABLE t (n int)");
    await direct.end();
  });
  afterAll(async () => {
    await proxy?.close();
    await created?.drop();
  });

  const count = async () => {
    const direct = new pg.Client({ connectionString: created.url });
    await direct.connect();
    const { rows } = await direct.query<{ n: number }>("SELECT count(*)::int AS n FROM t");
    await direct.end();
    return rows[0].n;
  };

  it("loses the reply to a statement that committed", async () => {
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => undefined);
    await client.connect();
    proxy.loseReplyTo("INSERT INTO t");
    await expect(client.query("INSERT INTO t VALUES (1)")).rejects.toThrow();
    expect(proxy.lostReplies).toBe(1);
    expect(await count()).toBe(1);
  });

  it("cut refuses connections until healed; stall holds a query until healed", async () => {
    proxy.cut();
    const refused = new pg.Client({ connectionString: url });
    refused.on("error", () => undefined);
    await expect(refused.connect()).rejects.toThrow();
    proxy.heal();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    proxy.stall();
    let answered = false;
    const q = client.query("SELECT 1 AS one").then((r) => ((answered = true), r.rows[0].one));
    // Bytes are held: nothing can answer while stalled, however long we look.
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    proxy.heal();
    expect(await q).toBe(1);
    await client.end();
  });
});
