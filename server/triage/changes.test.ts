// Triage changes against the services, on PGlite and PostgreSQL: assign and snooze through PATCH,
// bulk changes all or nothing, undo that skips markets changed since, and the counters and
// sightings a concurrent flush writes left exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unmappedEditedSchema, type BulkRequest } from "@/lib/contract/unmapped";
import { DiscoveryService } from "@/server/discovery/discovery-service";
import { TriageService } from "@/server/discovery/triage-service";
import { nullPublisher } from "@/server/realtime/publisher";
import { TEST_ACTOR } from "@/server/testing/auth";
import { available, DB_KINDS, openTestDatabase, type TestDatabase } from "@/server/testing/databases";
import { sighting } from "@/server/testing/discovery";
import { counterMismatches, seedMarkets } from "@/server/testing/seed";
import { BulkService } from "./bulk-service";
import { UndoService } from "./undo-service";

const base = { sort: "lastSeenAt", order: "desc", page: 1, pageSize: 50 } as const;

describe.each(DB_KINDS)("triage changes on %s", (kind) => {
  let t: TestDatabase;
  let triage: TriageService;
  let bulk: BulkService;
  let undo: UndoService;
  const published: { type: string; data: unknown }[] = [];
  const publisher = { publish: (type: string, data: unknown) => void published.push({ type, data }) };
  const row = async (id: number) =>
    (
      await t.db.query<{ status: string; notes: string | null; assignee_id: string | null; version: number }>(
        `SELECT status::text, notes, assignee_id, version FROM unmapped_markets WHERE id = $1`,
        [id],
      )
    )[0];
  const run = (req: Omit<BulkRequest, "reason"> & { reason?: string }) => bulk.run(req as BulkRequest, TEST_ACTOR, { userId: "ann" });
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => expect.fail("should be refused"),
      (e: unknown) => e as { status: number; extra?: Record<string, unknown>; errors?: { field: string }[] },
    );

  beforeAll(async () => {
    if (!available(kind)) return;
    t = await openTestDatabase(kind);
    // 20 markets, ids 1-20: statuses from the seed (13 MAPPED, 7 and 14 IGNORED, 11 ACKNOWLEDGED).
    await seedMarkets(t.db, 20);
    await t.db.query(
      `INSERT INTO users (id, name, email, role, banned) VALUES ('ann', 'Ann', 'ann@x.test', 'triager', false),
         ('bob', 'Bob', 'bob@x.test', 'triager', false), ('gone', 'Gone', 'gone@x.test', 'viewer', true)`,
    );
    triage = new TriageService(t.db, publisher);
    bulk = new BulkService(t.db, publisher);
    undo = new UndoService(t.db, publisher);
  });
  afterAll(async () => t?.drop());

  describe.skipIf(!available(kind))("", () => {
    it("assigning a NEW market makes it ACKNOWLEDGED; the list filters me, none and an id; null unassigns", async () => {
      expect((await row(1)).status).toBe("NEW");
      const edited = unmappedEditedSchema.parse(await triage.update(1, { assigneeId: "ann" }, TEST_ACTOR));
      expect(edited).toMatchObject({ status: "ACKNOWLEDGED", assignee: { id: "ann", name: "Ann" } });
      expect(edited.changeId).not.toBeNull();
      expect(published.at(-1)).toEqual({
        type: "unmapped_updated",
        data: { id: 1, version: edited.version, changed: ["status", "assignee"] },
      });
      const mine = await triage.list({ ...base, assignee: "me" }, { userId: "ann" });
      expect(mine.items.map((i) => i.id)).toEqual([1]);
      expect(mine.items[0].assignee).toEqual({ id: "ann", name: "Ann" });
      expect((await triage.list({ ...base, assignee: "ann" }, null)).items.map((i) => i.id)).toEqual([1]);
      expect((await triage.list({ ...base, assignee: "me" }, { userId: "bob" })).total).toBe(0);
      expect((await triage.list({ ...base, assignee: "none", pageSize: 200 }, null)).total).toBe(19);
      // The same value again changes nothing: no change, no version.
      const same = await triage.update(1, { assigneeId: "ann" }, TEST_ACTOR);
      expect(same).toMatchObject({ changeId: null, version: edited.version });
      const unassigned = await triage.update(1, { assigneeId: null }, TEST_ACTOR);
      expect(unassigned).toMatchObject({ assignee: null, status: "ACKNOWLEDGED" });
      const audit = await t.db.query<{ action: string; after: unknown }>(
        `SELECT action, after FROM audit_log WHERE entity_id = '1' ORDER BY id`,
      );
      expect(audit.map((a) => a.action)).toEqual(["status_changed", "assignee_changed", "assignee_changed"]);
      expect(audit[1].after).toEqual({ assignee: { id: "ann", name: "Ann" } });
      for (const id of ["nobody", "gone"]) {
        const e = await failure(triage.update(2, { assigneeId: id }, TEST_ACTOR));
        expect(e).toMatchObject({ status: 422, errors: [{ field: "body.assigneeId" }] });
      }
    });

    it("a snooze sets IGNORED with its condition; leaving IGNORED or null removes it; undo restores it", async () => {
      await t.db.query(`UPDATE unmapped_markets SET baseline = 4.5 WHERE id = 2`);
      const { occurrenceCount } = await triage.get(2);
      const snoozed = await triage.update(2, { snooze: { sightings: 10, escalating: true } }, TEST_ACTOR);
      expect(snoozed).toMatchObject({
        status: "IGNORED",
        snooze: { sightings: 10, remainingSightings: 10, escalating: true, baseline: 4.5, until: null },
      });
      await t.db.query(`UPDATE unmapped_markets SET occurrence_count = occurrence_count + 4 WHERE id = 2`);
      expect((await triage.get(2)).snooze).toMatchObject({ remainingSightings: 6 });
      expect((await triage.get(2)).occurrenceCount).toBe(occurrenceCount + 4);
      const reopened = await triage.update(2, { status: "ACKNOWLEDGED" }, TEST_ACTOR);
      expect(reopened).toMatchObject({ status: "ACKNOWLEDGED", snooze: null });
      const back = await undo.undo(reopened.changeId!, TEST_ACTOR);
      expect(back).toMatchObject({ restored: [2], skipped: [] });
      expect(await triage.get(2)).toMatchObject({ status: "IGNORED", snooze: { sightings: 10, remainingSightings: 6 } });
      const cleared = await triage.update(2, { snooze: null }, TEST_ACTOR);
      expect(cleared).toMatchObject({ status: "IGNORED", snooze: null });
      const until = "2030-01-02T03:04:05.678Z";
      expect((await triage.update(2, { snooze: { until } }, TEST_ACTOR)).snooze).toMatchObject({ until, sightings: null });
      const e = await failure(triage.update(3, { status: "NEW", snooze: { sightings: 1 } }, TEST_ACTOR));
      expect(e).toMatchObject({ status: 422, errors: [{ field: "body.status" }] });
    });

    it("a bulk change is all or nothing: an unknown id, a MAPPED market or an overlong note refuses it, naming them", async () => {
      const before = await t.db.query(`SELECT * FROM unmapped_markets ORDER BY id`);
      const unknown = await failure(run({ set: { status: "IGNORED" }, scope: { ids: [4, 5, 999, 998] } }));
      expect(unknown).toMatchObject({ status: 422, extra: { ids: [998, 999] }, errors: [{ field: "body.ids" }] });
      const mapped = await failure(run({ set: { snooze: { sightings: 3 } }, scope: { ids: [4, 13] } }));
      expect(mapped).toMatchObject({ status: 422, extra: { ids: [13] } });
      await t.db.query(`UPDATE unmapped_markets SET notes = $1 WHERE id = 6`, ["n".repeat(1995)]);
      const long = await failure(run({ set: { addNote: "123456" }, scope: { ids: [5, 6] } }));
      expect(long).toMatchObject({ status: 422, extra: { ids: [6] }, errors: [{ field: "body.set.addNote" }] });
      await t.db.query(`UPDATE unmapped_markets SET notes = NULL WHERE id = 6`);
      expect(await t.db.query(`SELECT * FROM unmapped_markets ORDER BY id`)).toEqual(before);
      // Assigning MAPPED markets is allowed: it changes no status.
      expect(await run({ set: { assigneeId: "bob" }, scope: { ids: [13] } })).toMatchObject({ count: 1 });
    });

    it("bulk by filter changes, audits and versions every match; undo restores all but the ones changed since", async () => {
      const targets = (await triage.list({ ...base, status: ["NEW"], pageSize: 200 }, null)).items.map((i) => i.id).sort((a, b) => a - b);
      const versions = new Map(await Promise.all(targets.map(async (id) => [id, (await row(id)).version] as const)));
      published.length = 0;
      const done = await run({
        set: { status: "IGNORED", addNote: "bulk", assigneeId: "bob" },
        scope: { filter: { status: ["NEW"] } },
        reason: "noise",
      });
      expect(done.count).toBe(targets.length);
      expect(published).toEqual([
        { type: "unmapped_bulk_updated", data: { changeId: done.changeId, undo: false, count: targets.length, ids: targets } },
      ]);
      for (const id of targets)
        expect(await row(id)).toMatchObject({ status: "IGNORED", notes: "bulk", assignee_id: "bob", version: versions.get(id)! + 1 });
      const [{ n }] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE reason = 'noise' AND action IN ('status_changed', 'notes_changed', 'assignee_changed')`,
      );
      expect(n).toBe(targets.length * 3);
      expect(await counterMismatches(t.db)).toEqual([]);
      // One market is changed again: undo leaves it and lists it.
      const [changed, ...rest] = targets;
      await triage.update(changed, { notes: "mine now" }, TEST_ACTOR);
      const undone = await undo.undo(done.changeId, TEST_ACTOR);
      expect(undone.restored).toEqual(rest);
      expect(undone.skipped).toEqual([{ id: changed, reason: expect.stringContaining("Changed since") }]);
      for (const id of rest)
        expect(await row(id)).toMatchObject({ status: "NEW", notes: null, assignee_id: null, version: versions.get(id)! + 2 });
      expect(await row(changed)).toMatchObject({ status: "IGNORED", notes: "mine now" });
      expect(await counterMismatches(t.db)).toEqual([]);
      expect(await failure(undo.undo(done.changeId, TEST_ACTOR))).toMatchObject({ status: 409 });
      expect(await failure(undo.undo("00000000-0000-4000-8000-000000000000", TEST_ACTOR))).toMatchObject({ status: 404 });
      const [{ u }] = await t.db.query<{ u: number }>(`SELECT count(*)::int AS u FROM audit_log WHERE reason = $1`, [
        `Undo of change ${done.changeId}`,
      ]);
      expect(u).toBe(rest.length * 3);
    });

    it("refuses a filter matching more than 10,000 markets with the count, changing nothing", async () => {
      await seedMarkets(t.db, 10_001, {
        start: 100_000,
        statuses: { ignoredEvery: 1_000_000, acknowledgedEvery: 1_000_000, mappedEvery: 1_000_000 },
      });
      const e = await failure(run({ set: { status: "ACKNOWLEDGED" }, scope: { filter: { q: "SEED1" } } }));
      const [{ n }] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM unmapped_markets WHERE external_market_id ILIKE '%SEED1%'`,
      );
      expect(n).toBeGreaterThan(10_000);
      expect(e).toMatchObject({ status: 422, extra: { count: n }, errors: [{ field: "body.filter" }] });
      const [{ a }] = await t.db.query<{ a: number }>(
        `SELECT count(*)::int AS a FROM unmapped_markets WHERE status = 'ACKNOWLEDGED' AND id > 20`,
      );
      expect(a).toBe(0);
    });

    it("a bulk change and a flush of the same markets at once lose no sighting and no triage field", async () => {
      const discovery = new DiscoveryService(t.db, nullPublisher);
      const ids = (
        await t.db.query<{ id: number }>(`SELECT id FROM unmapped_markets WHERE id > 20 AND status = 'NEW' ORDER BY id LIMIT 2000`)
      ).map((r) => Number(r.id));
      const ext = await t.db.query<{ external_market_id: string; occurrence_count: number }>(
        `SELECT external_market_id, occurrence_count FROM unmapped_markets WHERE id = ANY($1::int[]) AND source = 'sportybet'`,
        [`{${ids.join(",")}}`],
      );
      for (const m of ext) for (let k = 0; k < 3; k++) discovery.record(sighting(m.external_market_id), "UNKNOWN_MARKET");
      const [flushed, changed] = await Promise.all([
        discovery.flush(),
        run({ set: { status: "IGNORED", assigneeId: "ann" }, scope: { ids } }),
      ]);
      expect(flushed.failed).toHaveLength(0);
      expect(changed.count).toBe(ids.length);
      const after = await t.db.query<{ external_market_id: string; occurrence_count: number; status: string; assignee_id: string }>(
        `SELECT external_market_id, occurrence_count, status::text, assignee_id FROM unmapped_markets WHERE id = ANY($1::int[])`,
        [`{${ids.join(",")}}`],
      );
      const was = new Map(ext.map((m) => [m.external_market_id, Number(m.occurrence_count)]));
      for (const m of after) {
        expect(m).toMatchObject({ status: "IGNORED", assignee_id: "ann" });
        if (was.has(m.external_market_id)) expect(Number(m.occurrence_count)).toBe(was.get(m.external_market_id)! + 3);
      }
      expect(await counterMismatches(t.db)).toEqual([]);
    });
  });
});
