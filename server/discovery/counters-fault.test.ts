// The counters through database faults (PostgreSQL, a TCP proxy between the app and the database):
// a flush whose connections are cut mid-way, and a flush whose reply is lost after it committed.
// The counter deltas are written by the same statement as the rows, so either both happen or
// neither: afterwards the counters equal a full count(*) and every chunk is whole or absent.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { createPostgresDatabase, TEST_DATABASE_URL } from "@/server/testing/databases";
import { counterMismatches, fullCount, pendingMarkets } from "@/server/testing/seed";
import { TcpProxy } from "@/server/testing/tcp-proxy";
import { waitFor } from "@/server/testing/wait";
import { flushBatch, FLUSH_CHUNK_ROWS, writeChunks } from "./flush";

const CHUNK = FLUSH_CHUNK_ROWS.postgres;

const batch = (n: number, offset = 0) => pendingMarkets(n, "F", offset);

describe.skipIf(!TEST_DATABASE_URL)("market counters through database faults (postgres)", () => {
  let direct: Database;
  let app: Database;
  let proxy: TcpProxy;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    direct = await openDatabase({ url: created.url });
    await migrate(direct);
    const p = await TcpProxy.forUrl(created.url);
    proxy = p.proxy;
    app = await openDatabase({ url: p.url });
  });
  afterEach(async () => {
    proxy?.heal();
    await app?.close().catch(() => undefined);
    await proxy?.close();
    await direct?.close();
    await drop?.();
  });

  it("a flush cut mid-way leaves whole chunks and exact counters; the retry makes them whole", async () => {
    const rows = batch(8 * CHUNK);
    const flushing = flushBatch(app, rows);
    await waitFor("the first chunk to commit", async () => (await fullCount(direct)) > 0);
    proxy.cut();
    const result = await flushing;
    const stored = await fullCount(direct);
    const mismatches = await counterMismatches(direct);
    console.log(
      `[fault] cut mid-flush: ${stored} of ${rows.length} markets stored, ${result.failed.length} handed back, counter mismatches:`,
      mismatches,
    );
    expect(result.failed.length).toBeGreaterThan(0);
    expect(stored).toBeLessThan(rows.length);
    expect(stored % CHUNK).toBe(0); // no chunk half-applied
    expect(mismatches).toEqual([]);

    proxy.heal();
    // Each failed chunk is retried as it was sent, with its id.
    const retry = await writeChunks(app, result.failedChunks);
    expect(retry.failed).toEqual([]);
    expect(await fullCount(direct)).toBe(rows.length);
    expect(await counterMismatches(direct)).toEqual([]);
  });

  it("a flush whose reply is lost after commit still leaves exact counters", async () => {
    await flushBatch(app, batch(3_000));
    proxy.loseReplyTo("jsonb_to_recordset");
    // One chunk (its reply is the one lost), whatever the default chunk size.
    const result = await flushBatch(app, batch(4_000, 3_000), 5_000);
    expect(proxy.lostReplies).toBe(1);
    const stored = await fullCount(direct);
    const mismatches = await counterMismatches(direct);
    console.log(`[fault] lost reply: ${stored} markets stored (reply lost for ${result.failed.length}), counter mismatches:`, mismatches);
    expect(stored).toBe(7_000); // it committed
    expect(mismatches).toEqual([]);
  });
});
