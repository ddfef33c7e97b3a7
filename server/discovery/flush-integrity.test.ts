// What the database cannot take must not cost anything else: a poison row among thousands is
// isolated and rejected while every good sighting is stored; a chunk retried with its batch id
// (alone or twice at once) is applied once; a full recorder spills to the journal instead of
// dropping, and the journal comes back exactly once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { healthSchema } from "@/lib/contract/health";
import { describeOnDatabases } from "@/server/testing/test-database";
import { alerts, sighting, stored } from "@/server/testing/discovery";
import { DiscoveryService } from "./discovery-service";
import { chunksOf, writeChunks } from "./flush";
import { Recorder } from "./recorder";

/** Records `markets` distinct markets, market i seen (i % 3) + 1 times; returns the sightings. */
function recordMany(r: Pick<Recorder, "record">, prefix: string, markets: number): number {
  let n = 0;
  for (let i = 0; i < markets; i++) {
    for (let k = 0; k <= i % 3; k++, n++) r.record(sighting(`${prefix}${i}`), "UNKNOWN_MARKET");
  }
  return n;
}

describeOnDatabases("flush integrity on %s", (t, kind) => {
  const spillDir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-spill-unit-"));
  afterAll(() => fs.rmSync(spillDir, { recursive: true, force: true }));

  it("isolates poison rows among thousands: every good sighting stored, the bad ones rejected and counted", async () => {
    const pub = alerts();
    const d = new DiscoveryService(t.db, pub);
    const expected = recordMany(d, "GOOD", 6_000);
    // Straight into the recorder, past the parser's cleaning: what a buggy source could still send.
    d.record(sighting("BAD-NUL", "Over\u0000Under"), "UNKNOWN_MARKET");
    d.record(sighting("BAD-NUL", "Over\u0000Under"), "UNKNOWN_MARKET");
    d.record(sighting("BAD-\ud800"), "UNKNOWN_MARKET");
    const result = await d.flush();
    const got = await stored(t, "GOOD");
    console.log(
      `[poison ${kind}] stored ${got.sightings} of ${expected} good sightings in ${got.markets} markets; rejected`,
      result.rejected.length,
    );
    expect(got).toEqual({ markets: 6_000, sightings: expected });
    expect(result.failed).toHaveLength(0);
    expect(result.rejected.map((r) => r.market.externalMarketId).sort()).toEqual(["BAD-NUL", "BAD-\ud800"]);
    expect(pub.announced).toBe(6_000);
    const stats = d.stats();
    expect(stats).toMatchObject({ rejectedMarkets: 2, rejectedSightings: 3, pendingMarkets: 0, retryingMarkets: 0 });
    expect(stats.lastRejected.map((r) => r.externalMarketId).sort()).toEqual(["BAD-NUL", "BAD-\ud800"]);
    // What /api/health serves is the contract's recorder object.
    expect(healthSchema.shape.recorder.parse(stats)).toEqual(stats);
    // Rejected rows are not retried: the next flush has nothing to do.
    expect((await d.flush()).rows).toBe(0);
  });

  it("a chunk sent twice with one batch id, in turn or at once, is applied once and announced once", async () => {
    const r = new Recorder();
    const expected = recordMany(r, "TWICE", 300);
    const [chunk] = [...chunksOf(r.take(), 1_000)];
    const [a, b] = await Promise.all([writeChunks(t.db, [chunk]), writeChunks(t.db, [chunk])]);
    const again = await writeChunks(t.db, [chunk]);
    const got = await stored(t, "TWICE");
    console.log(`[same id ${kind}] stored ${got.sightings} of ${expected} sightings after 3 sends of one chunk`);
    expect(got).toEqual({ markets: 300, sightings: expected });
    for (const x of [a, b, again]) expect(x.failed).toHaveLength(0);
    // Every send reports what the one commit announced; the caller only ever has one of them in hand.
    expect(a.inserted.map((m) => m.externalMarketId).sort()).toEqual(b.inserted.map((m) => m.externalMarketId).sort());
    expect(again.inserted).toHaveLength(300);
  });

  it("a full recorder spills to the journal instead of dropping; the replay stores everything once", async () => {
    const pub = alerts();
    const d = new DiscoveryService(t.db, pub, { maxPending: 100, spillDir, chunkRows: 40 });
    const expected = recordMany(d, "FULL", 1_000);
    expect(d.stats().droppedSightings).toBe(0);
    await d.flush();
    const report = await d.close();
    const got = await stored(t, "FULL");
    console.log(`[overflow ${kind}] stored ${got.sightings} of ${expected} sightings; spilled ${d.stats().spilledSightings}`);
    expect(got).toEqual({ markets: 1_000, sightings: expected });
    expect(d.stats().spilledSightings).toBeGreaterThan(0);
    expect(report).toEqual({ lostSightings: 0, journalFiles: 0 });
    expect(fs.readdirSync(spillDir)).toEqual([]);
    expect(pub.announced).toBe(1_000);
  });
});
