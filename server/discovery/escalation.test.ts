// The escalation flag on both databases: the baseline settled at each run's end (median of the last
// 10 runs' sightings, null under 3), the crossing of 3x max(baseline, 5) in a run flagged, audited
// and announced once, cleared at the end of a run that stays under it, silent for IGNORED markets.
import { expect, it } from "vitest";
import { describeOnDatabases } from "@/server/testing/test-database";
import { auditActions, causes, flushSightings, market, newRun, recordIn } from "@/server/testing/runs";
import { DiscoveryService } from "./discovery-service";
import { settleRun } from "./run-counts";

describeOnDatabases("escalation on %s", (t) => {
  /** One run in which each market is sighted as given, flushed, then ended (settled). */
  async function run(d: DiscoveryService, sightings: Record<string, number>): Promise<number> {
    const runId = await newRun(t.db);
    for (const [id, n] of Object.entries(sightings)) recordIn(d, id, runId, n);
    await d.flush();
    await d.settleRun(runId);
    return runId;
  }

  it("the baseline is the median of the last 10 runs' sightings, null under 3 runs", async () => {
    const d = new DiscoveryService(t.db, causes());
    await run(d, { BL: 4 });
    await run(d, { BL: 8 });
    expect((await market(t.db, "BL")).baseline).toBeNull();
    await run(d, { BL: 6 });
    expect((await market(t.db, "BL")).baseline).toBe(6);
    await run(d, { BL: 1 });
    expect((await market(t.db, "BL")).baseline).toBe(5); // median of 4, 8, 6, 1
    for (const n of [2, 2, 2, 2, 2, 2, 2]) await run(d, { BL: n });
    // The last 10 runs: 8, 6, 1 and seven 2s; the first run (4) no longer counts.
    expect((await market(t.db, "BL")).baseline).toBe(2);
    // A run that did not sight it leaves its baseline alone.
    await run(d, { OTHER: 1 });
    expect((await market(t.db, "BL")).baseline).toBe(2);
  });

  it("a run's end settles its markets in batches: every market of a large run, as one statement would", async () => {
    const d = new DiscoveryService(t.db, causes());
    const ids = Array.from({ length: 7 }, (_, i) => `BATCH${i}`);
    const runs: number[] = [];
    for (const n of [3, 9, 6]) {
      const runId = await newRun(t.db);
      for (const [i, id] of ids.entries()) recordIn(d, id, runId, n + i);
      await d.flush();
      runs.push(runId);
    }
    // Batches of 2 over 7 markets: four statements, the last one short.
    for (const runId of runs) await settleRun(t.db, runId, 2);
    for (const [i, id] of ids.entries()) expect((await market(t.db, id)).baseline, id).toBe(6 + i);
  });

  it("a crossing is flagged, audited and announced once; a run under the threshold clears it", async () => {
    const pub = causes();
    const d = new DiscoveryService(t.db, pub);
    for (let r = 0; r < 3; r++) await run(d, { ESC: 6, CALM: 6 }); // baseline 6: threshold 18
    expect((await market(t.db, "ESC")).baseline).toBe(6);

    const hot = await newRun(t.db);
    recordIn(d, "ESC", hot, 10);
    recordIn(d, "CALM", hot, 18);
    await d.flush();
    expect((await market(t.db, "ESC")).escalating).toBe(false);
    recordIn(d, "ESC", hot, 9); // 19 in this run: over 18
    await d.flush();
    const m = await market(t.db, "ESC");
    expect(m).toMatchObject({ escalating: true, status: "NEW", version: 1 });
    expect(m.escalated_at).not.toBeNull();
    await flushSightings(d, "ESC", hot, 50);
    await d.settleRun(hot);
    // Still flagged after the run that crossed; its baseline now counts that run too.
    expect(await market(t.db, "ESC")).toMatchObject({ escalating: true, baseline: 6 });
    expect(await market(t.db, "CALM")).toMatchObject({ escalating: false });

    await run(d, { ESC: 3 });
    expect((await market(t.db, "ESC")).escalating).toBe(false);
    const escalated = (await auditActions(t.db, m.id)).filter((a) => a.action === "escalated");
    expect(escalated.map((a) => a.after)).toEqual([{ escalating: true, runId: hot, sightings: 19, baseline: 6 }]);

    // Crossing again in a later run is a new crossing, announced again.
    const again = await newRun(t.db);
    await flushSightings(d, "ESC", again, 20);
    expect(pub.all.filter((a) => a.cause === "escalating")).toEqual([
      { externalMarketId: "ESC", cause: "escalating", regressed: false },
      { externalMarketId: "ESC", cause: "escalating", regressed: false },
    ]);
  });

  it("the floor: a rare market needs more than 15 sightings in a run", async () => {
    const pub = causes();
    const d = new DiscoveryService(t.db, pub);
    for (let r = 0; r < 3; r++) await run(d, { RARE: 1 });
    const r4 = await newRun(t.db);
    await flushSightings(d, "RARE", r4, 15);
    expect((await market(t.db, "RARE")).escalating).toBe(false);
    await flushSightings(d, "RARE", r4, 1);
    expect((await market(t.db, "RARE")).escalating).toBe(true);
  });

  it("an escalating market that the next run does not sight is cleared", async () => {
    const d = new DiscoveryService(t.db, causes());
    for (let r = 0; r < 3; r++) await run(d, { GONE: 2 });
    await run(d, { GONE: 40 });
    expect((await market(t.db, "GONE")).escalating).toBe(true);
    await run(d, { SOMETHINGELSE: 1 });
    expect((await market(t.db, "GONE")).escalating).toBe(false);
  });

  it("an IGNORED market without a snooze is flagged and audited, not announced", async () => {
    const pub = causes();
    const d = new DiscoveryService(t.db, pub);
    for (let r = 0; r < 3; r++) await run(d, { QUIET: 2, ACK: 2 });
    await t.db.query(`UPDATE unmapped_markets SET status = 'IGNORED' WHERE external_market_id = 'QUIET'`);
    await t.db.query(`UPDATE unmapped_markets SET status = 'ACKNOWLEDGED' WHERE external_market_id = 'ACK'`);
    const hot = await newRun(t.db);
    recordIn(d, "QUIET", hot, 100);
    recordIn(d, "ACK", hot, 100);
    await d.flush();
    const quiet = await market(t.db, "QUIET");
    expect(quiet).toMatchObject({ escalating: true, status: "IGNORED" });
    expect((await auditActions(t.db, quiet.id)).map((a) => a.action)).toEqual(["escalated"]);
    expect(pub.all.filter((a) => a.cause === "escalating").map((a) => a.externalMarketId)).toEqual(["ACK"]);
  });
});
