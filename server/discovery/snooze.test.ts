// "Ignore until" on both databases: a snoozed (IGNORED) market reopens as NEW exactly once when a
// flush meets its condition (time, sightings, escalation), is audited and announced with the right
// cause, and of concurrent flushes only one reopens it. The snooze columns are set with SQL here.
import { expect, it } from "vitest";
import { describeOnDatabases } from "@/server/testing/test-database";
import { auditActions, causes, concurrentFlushes, flushSightings, market, newRun, recordIn } from "@/server/testing/runs";
import { DiscoveryService } from "./discovery-service";

describeOnDatabases("snooze on %s", (t) => {
  /**
   * A market sighted once, then IGNORED with the given snooze columns (SQL assignments); with the
   * discovery service that sighted it and a publisher keeping what it announces.
   */
  async function snoozed(externalId: string, set: string) {
    const pub = causes();
    const d = new DiscoveryService(t.db, pub);
    await flushSightings(d, externalId, null, 1);
    const [row] = await t.db.query<{ id: number }>(
      `UPDATE unmapped_markets SET status = 'IGNORED', snoozed_at = now(), ${set}, version = version + 1
       WHERE external_market_id = $1 RETURNING id`,
      [externalId],
    );
    return { d, pub, id: Number(row.id) };
  }

  async function expectReopenedOnce(id: number, externalId: string, cause: string, pub: ReturnType<typeof causes>) {
    const m = await market(t.db, externalId);
    expect(m).toMatchObject({ status: "NEW", snoozed_at: null, snooze_until: null, snooze_sightings: null, snooze_from_count: null });
    expect(m).toMatchObject({ snooze_escalating: false, snooze_baseline: null, version: 3 });
    expect(pub.all.filter((a) => a.externalMarketId === externalId && a.cause !== "new")).toEqual([
      { externalMarketId: externalId, cause, regressed: false },
    ]);
    const unsnoozed = (await auditActions(t.db, id)).filter((a) => a.action === "unsnoozed");
    expect(unsnoozed.map((a) => a.after)).toEqual([{ status: "NEW", cause }]);
  }

  it("by time: reopens when sighted after the time, once", async () => {
    const { d, pub, id } = await snoozed("SZTIME", `snooze_until = now() - interval '1 minute'`);
    const [{ until }] = await t.db.query<{ until: Date }>(`SELECT snooze_until AS until FROM unmapped_markets WHERE id = $1`, [id]);
    // A sighting from before the time (a late flush) does not end it.
    await flushSightings(d, "SZTIME", null, 3, new Date(until).getTime() - 1_000);
    expect((await market(t.db, "SZTIME")).status).toBe("IGNORED");
    await flushSightings(d, "SZTIME", null, 1);
    await flushSightings(d, "SZTIME", null, 1);
    await expectReopenedOnce(id, "SZTIME", "unsnoozed", pub);
  });

  it("by sightings: reopens at the Nth more sighting, once", async () => {
    const { d, pub, id } = await snoozed("SZCOUNT", `snooze_from_count = occurrence_count, snooze_sightings = 3`);
    await flushSightings(d, "SZCOUNT", null, 2);
    expect((await market(t.db, "SZCOUNT")).status).toBe("IGNORED");
    await flushSightings(d, "SZCOUNT", null, 1);
    await flushSightings(d, "SZCOUNT", null, 4);
    await expectReopenedOnce(id, "SZCOUNT", "unsnoozed", pub);
    expect((await market(t.db, "SZCOUNT")).occurrence_count).toBe(8);
  });

  it("by escalation: reopens when a run's sightings exceed 3x max(baseline, 5), once", async () => {
    // Baseline 7 when snoozed: threshold 21. Sightings outside a run never count for it.
    const { d, pub, id } = await snoozed("SZESC", `snooze_escalating = true, snooze_baseline = 7`);
    await flushSightings(d, "SZESC", null, 30);
    const run = await newRun(t.db);
    await flushSightings(d, "SZESC", run, 15);
    recordIn(d, "SZESC", run, 6); // 21: not over it
    await d.flush();
    expect((await market(t.db, "SZESC")).status).toBe("IGNORED");
    await flushSightings(d, "SZESC", run, 1);
    await flushSightings(d, "SZESC", run, 40);
    await expectReopenedOnce(id, "SZESC", "escalating", pub);
  });

  it("by escalation without a baseline: the floor (16 sightings in a run) applies", async () => {
    const { d, pub, id } = await snoozed("SZFLOOR", `snooze_escalating = true, snooze_baseline = NULL`);
    const run = await newRun(t.db);
    await flushSightings(d, "SZFLOOR", run, 15);
    expect((await market(t.db, "SZFLOOR")).status).toBe("IGNORED");
    await flushSightings(d, "SZFLOOR", run, 1);
    await expectReopenedOnce(id, "SZFLOOR", "escalating", pub);
  });

  it("IGNORED without a snooze stays silent, whatever it is sighted", async () => {
    const pub = causes();
    const d = new DiscoveryService(t.db, pub);
    await flushSightings(d, "SZNONE", null, 1);
    await t.db.query(`UPDATE unmapped_markets SET status = 'IGNORED' WHERE external_market_id = 'SZNONE'`);
    await flushSightings(d, "SZNONE", await newRun(t.db), 100);
    expect((await market(t.db, "SZNONE")).status).toBe("IGNORED");
    expect(pub.all.filter((a) => a.externalMarketId === "SZNONE")).toEqual([
      { externalMarketId: "SZNONE", cause: "new", regressed: false },
    ]);
  });

  it("concurrent flushes that each meet the condition reopen and announce it once", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `SZCC${i}`);
    const d = new DiscoveryService(t.db, causes());
    for (const id of ids) recordIn(d, id, null, 1);
    await d.flush();
    await t.db.query(
      `UPDATE unmapped_markets SET status = 'IGNORED', snoozed_at = now(), snooze_from_count = occurrence_count, snooze_sightings = 1
       WHERE external_market_id LIKE 'SZCC%'`,
    );
    const results = await concurrentFlushes(t.db, ids, 4, 7);
    expect(results.every((r) => r.failed.length === 0)).toBe(true);
    const announced = results.flatMap((r) => r.announced.map((a) => `${a.externalMarketId}:${a.cause}`));
    expect(announced.sort()).toEqual(ids.map((id) => `${id}:unsnoozed`).sort());
    const [row] = await t.db.query<{ reopened: number; audits: number; total: number }>(
      `SELECT count(*) FILTER (WHERE status = 'NEW' AND snoozed_at IS NULL)::int AS reopened,
              (SELECT count(*)::int FROM audit_log WHERE action = 'unsnoozed' AND entity_id IN
                 (SELECT id::text FROM unmapped_markets WHERE external_market_id LIKE 'SZCC%')) AS audits,
              sum(occurrence_count)::int AS total
       FROM unmapped_markets WHERE external_market_id LIKE 'SZCC%'`,
    );
    expect(row).toEqual({ reopened: 20, audits: 20, total: 100 });
  });
});
