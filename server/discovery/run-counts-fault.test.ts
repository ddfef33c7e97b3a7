// A flush chunk that commits but whose reply is lost (a TCP proxy drops it, as in
// lost-reply.test.ts) is retried with its batch id: its per-run counts are added once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { TEST_DATABASE_URL } from "@/server/testing/databases";
import { openProxiedPostgres, type ProxiedPostgres } from "@/server/testing/proxied-postgres";
import { alerts } from "@/server/testing/discovery";
import { newRun, recordIn } from "@/server/testing/runs";
import type { TcpProxy } from "@/server/testing/tcp-proxy";
import { DiscoveryService } from "./discovery-service";

describe.skipIf(!TEST_DATABASE_URL)("per-run counts through a faulty connection (postgres)", () => {
  let pg: ProxiedPostgres;
  let proxy: TcpProxy;
  let db: Database;
  let direct: Database;

  beforeAll(async () => {
    pg = await openProxiedPostgres();
    ({ db, direct, proxy } = pg);
  });
  afterAll(async () => {
    await pg?.close();
  });

  it("a lost reply after commit is retried with its batch id: each run's counts are added once", async () => {
    const runId = await newRun(direct);
    const d = new DiscoveryService(db, alerts(), { chunkRows: 500 });
    let expected = 0;
    for (let i = 0; i < 1_500; i++) {
      const n = 1 + (i % 3);
      recordIn(d, `RCLOST${i}`, runId, n);
      expected += n;
    }
    proxy.loseReplyTo("INSERT INTO unmapped_markets");
    const first = await d.flush();
    expect(proxy.lostReplies).toBe(1);
    expect(first.failed.length).toBeGreaterThan(0);
    expect((await d.flush()).failed).toHaveLength(0);

    const [row] = await direct.query<{ markets: number; sightings: number; occurrences: number }>(
      `SELECT count(*)::int AS markets, sum(c.sightings)::int AS sightings, sum(m.occurrence_count)::int AS occurrences
       FROM market_run_counts c JOIN unmapped_markets m ON m.id = c.market_id WHERE c.run_id = $1`,
      [runId],
    );
    console.log(`[lost reply, run counts] ${row.sightings} sightings in run ${runId}, expected ${expected}`);
    expect(row).toEqual({ markets: 1_500, sightings: expected, occurrences: expected });
  });
});
