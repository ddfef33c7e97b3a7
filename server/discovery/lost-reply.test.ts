// Faults between the app's pool and a real PostgreSQL, through a TCP proxy: a flush that commits
// but whose reply is lost is retried with its batch id and counted once, every new market announced
// once; a shutdown with the database cut spills to a 0600 journal that the next start replays once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { TEST_DATABASE_URL } from "@/server/testing/databases";
import { openProxiedPostgres, type ProxiedPostgres } from "@/server/testing/proxied-postgres";
import type { TcpProxy } from "@/server/testing/tcp-proxy";
import { DiscoveryService } from "./discovery-service";
import { alerts, sighting, stored } from "@/server/testing/discovery";

describe.skipIf(!TEST_DATABASE_URL)("flush through a faulty connection (postgres)", () => {
  let pg: ProxiedPostgres;
  let proxy: TcpProxy;
  let db: Database;
  let direct: Database;
  const spillDir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-spill-fault-"));

  beforeAll(async () => {
    pg = await openProxiedPostgres();
    ({ db, direct, proxy } = pg);
  });
  afterAll(async () => {
    await pg?.close();
    fs.rmSync(spillDir, { recursive: true, force: true });
  });

  it("a lost reply after commit is retried with its batch id: stored once, every new market announced once", async () => {
    // The last 1,000 markets are known already, so the chunks update rows as well as insert them;
    // the first chunk, whose reply is lost, holds only new markets: announced from flush_batches.
    const seed = new DiscoveryService(direct, alerts());
    for (let i = 2_000; i < 3_000; i++) seed.record(sighting(`LOST${i}`), "UNKNOWN_MARKET");
    await seed.flush();

    const pub = alerts();
    const d = new DiscoveryService(db, pub, { chunkRows: 1_000, spillDir });
    let expected = 1_000;
    for (let i = 0; i < 3_000; i++) {
      for (let k = 0; k <= i % 2; k++, expected++) d.record(sighting(`LOST${i}`), "UNKNOWN_MARKET");
    }
    proxy.loseReplyTo("INSERT INTO unmapped_markets");
    const first = await d.flush();
    expect(proxy.lostReplies).toBe(1);
    expect(first.failed.length).toBeGreaterThan(0);
    const second = await d.flush();
    expect(second.failed).toHaveLength(0);

    const got = await stored({ db: direct }, "LOST");
    console.log(
      `[lost reply] stored ${got.sightings} sightings, expected ${expected}; announced ${pub.announced} new markets, expected 2000`,
    );
    expect(got).toEqual({ markets: 3_000, sightings: expected });
    expect(pub.announced).toBe(2_000);
    const inserted = [...first.inserted, ...second.inserted].map((m) => m.externalMarketId);
    expect(new Set(inserted).size).toBe(inserted.length);
    expect(inserted.sort()).toEqual(Array.from({ length: 2_000 }, (_, i) => `LOST${i}`).sort());
    // The lost chunk's new markets reached the caller through the retry, not through the lost reply.
    expect(first.inserted).toHaveLength(0);
  });

  it("shutdown with the database cut spills to a 0600 journal; the next start replays it once", async () => {
    const d = new DiscoveryService(db, alerts(), { spillDir });
    let expected = 0;
    for (let i = 0; i < 2_500; i++) {
      for (let k = 0; k <= i % 3; k++, expected++) d.record(sighting(`CUT${i}`), "UNKNOWN_MARKET");
    }
    proxy.cut();
    const report = await d.close();
    expect(report).toEqual({ lostSightings: 0, journalFiles: 1 });
    const files = fs.readdirSync(spillDir);
    expect(files).toHaveLength(1);
    expect(fs.statSync(path.join(spillDir, files[0])).mode & 0o777).toBe(0o600);
    proxy.heal();

    const pub = alerts();
    const next = new DiscoveryService(db, pub, { spillDir });
    const replayed = await next.replayJournal();
    const got = await stored({ db: direct }, "CUT");
    console.log(`[shutdown spill] stored ${got.sightings} sightings after replay, expected ${expected}`);
    expect(got).toEqual({ markets: 2_500, sightings: expected });
    expect(replayed.sightings).toBe(expected);
    expect(pub.announced).toBe(2_500);
    expect(fs.readdirSync(spillDir)).toEqual([]);
    expect((await next.replayJournal()).sightings).toBe(0);
    expect((await stored({ db: direct }, "CUT")).sightings).toBe(expected);
  });
});
