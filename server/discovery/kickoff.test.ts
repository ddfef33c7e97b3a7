// Urgency on both databases: nextKickoffAt is the soonest kickoff still ahead among the events the
// latest run sighted a market in (narrowed within a run across flushes, replaced by the next run),
// the stored priority is exactly the documented formula, and the list's priority order puts the
// market of the sooner match first. Also: the coordinator hands the events' kickoffs to the recorder.
import { expect, it } from "vitest";
import type { UnmappedListQuery } from "@/lib/contract/unmapped";
import { nullPublisher } from "@/server/realtime/publisher";
import type { ParseResult, Source } from "@/server/scraping/types";
import type { TestDatabase } from "@/server/testing/databases";
import { cycleDeps, reloadedMappings, runManualCycle } from "@/server/testing/cycle";
import { alerts, sighting } from "@/server/testing/discovery";
import { newRun } from "@/server/testing/runs";
import { describeOnDatabases } from "@/server/testing/test-database";
import { DiscoveryService } from "./discovery-service";
import { TriageService } from "./triage-service";

const HOUR = 3_600_000;

/** One sighting of market `id` in event `eventId` of run `runId`, kicking off at `kickoff`. */
const seen = (d: DiscoveryService, id: string, eventId: string, runId: number | null, at: number, kickoff: number | null) =>
  d.record({ ...sighting(id), eventId }, "UNKNOWN_MARKET", at, runId, kickoff);

async function marketRow(t: TestDatabase, id: string) {
  const [row] = await t.db.query<{ next_kickoff_at: Date | string | null; priority_raw: number; last_seen_at: Date | string }>(
    `SELECT next_kickoff_at, priority_raw, last_seen_at FROM unmapped_markets WHERE source = 'sportybet' AND external_market_id = $1`,
    [id],
  );
  return row;
}

const kickoffOf = async (t: TestDatabase, id: string) => {
  const v = (await marketRow(t, id)).next_kickoff_at;
  return v === null ? null : new Date(v).getTime();
};

describeOnDatabases("next kickoff and urgency on %s", (t) => {
  it("is the soonest kickoff among a run's events, over one flush or several", async () => {
    const d = new DiscoveryService(t.db, alerts());
    const runId = await newRun(t.db);
    const at = Date.now();
    seen(d, "KO-ONE", "e5", runId, at, at + 5 * HOUR);
    seen(d, "KO-ONE", "e2", runId, at, at + 2 * HOUR);
    // The other order, and a flush between: the second chunk of the run narrows the first's value.
    seen(d, "KO-TWO", "e2", runId, at, at + 2 * HOUR);
    await d.flush();
    seen(d, "KO-TWO", "e5", runId, at, at + 5 * HOUR);
    seen(d, "KO-THREE", "e5", runId, at, at + 5 * HOUR);
    await d.flush();
    seen(d, "KO-THREE", "e2", runId, at, at + 2 * HOUR);
    await d.flush();
    for (const id of ["KO-ONE", "KO-TWO", "KO-THREE"]) expect(await kickoffOf(t, id), id).toBe(at + 2 * HOUR);

    const triage = new TriageService(t.db);
    const { items } = await triage.list({ q: "KO-ONE", sort: "lastSeenAt", order: "desc", page: 1, pageSize: 5 });
    expect(items.map((i) => i.nextKickoffAt)).toEqual([new Date(at + 2 * HOUR).toISOString()]);
    expect((await triage.get(items[0].id)).nextKickoffAt).toBe(new Date(at + 2 * HOUR).toISOString());
  });

  it("ignores kickoffs that were not ahead of the sighting, and events without one", async () => {
    const d = new DiscoveryService(t.db, alerts());
    const runId = await newRun(t.db);
    const at = Date.now();
    seen(d, "KO-PAST", "started", runId, at, at - HOUR);
    seen(d, "KO-PAST", "now", runId, at, at);
    seen(d, "KO-PAST", "unknown", runId, at, null);
    seen(d, "KO-PAST", "later", runId, at, at + 3 * HOUR);
    seen(d, "KO-NONE", "started", runId, at, at - HOUR);
    seen(d, "KO-NONE", "unknown", runId, at, null);
    await d.flush();
    expect(await kickoffOf(t, "KO-PAST")).toBe(at + 3 * HOUR);
    expect(await kickoffOf(t, "KO-NONE")).toBeNull();
    const triage = new TriageService(t.db);
    const { items } = await triage.list({ q: "KO-NONE", sort: "lastSeenAt", order: "desc", page: 1, pageSize: 5 });
    expect(items[0].nextKickoffAt).toBeNull();
  });

  it("is replaced by the next run, not narrowed across runs; a sighting outside a run leaves it", async () => {
    const d = new DiscoveryService(t.db, alerts());
    const at = Date.now();
    const first = await newRun(t.db);
    seen(d, "KO-RUNS", "e2", first, at, at + 2 * HOUR);
    await d.flush();
    const second = await newRun(t.db);
    seen(d, "KO-RUNS", "e10", second, at + 1000, at + 10 * HOUR);
    await d.flush();
    expect(await kickoffOf(t, "KO-RUNS")).toBe(at + 10 * HOUR);
    seen(d, "KO-RUNS", "e1", null, at + 2000, at + HOUR);
    await d.flush();
    expect(await kickoffOf(t, "KO-RUNS")).toBe(at + 10 * HOUR);
    // A run that saw no match ahead clears it: the value is that run's, whatever came before.
    const third = await newRun(t.db);
    seen(d, "KO-RUNS", "e0", third, at + 3000, null);
    await d.flush();
    expect(await kickoffOf(t, "KO-RUNS")).toBeNull();
  });

  it("stores the documented priority, and the sooner match ranks first among otherwise equal markets", async () => {
    const d = new DiscoveryService(t.db, alerts());
    const runId = await newRun(t.db);
    const at = Date.now();
    // Equal counts and last sightings; kickoffs 1 h, 8 h ahead and none.
    for (const [id, kickoff] of [
      ["KO-RANK-LATE", at + 8 * HOUR],
      ["KO-RANK-NONE", null],
      ["KO-RANK-SOON", at + HOUR],
    ] as const) {
      for (let k = 0; k < 3; k++) seen(d, id, `e${k}`, runId, at, kickoff);
    }
    await d.flush();
    const expected = (hours: number | null) => Math.log(4) + at / 86_400_000 + (hours === null ? 0 : 2 / (1 + hours / 6));
    expect((await marketRow(t, "KO-RANK-SOON")).priority_raw).toBeCloseTo(expected(1), 9);
    expect((await marketRow(t, "KO-RANK-LATE")).priority_raw).toBeCloseTo(expected(8), 9);
    expect((await marketRow(t, "KO-RANK-NONE")).priority_raw).toBeCloseTo(expected(null), 9);

    const triage = new TriageService(t.db);
    const query: UnmappedListQuery = { q: "KO-RANK", sort: "priority", order: "desc", page: 1, pageSize: 10 };
    const { items } = await triage.list(query);
    expect(items.map((i) => i.externalMarketId)).toEqual(["KO-RANK-SOON", "KO-RANK-LATE", "KO-RANK-NONE"]);
    // The displayed score is the stored one less epochDays(now): the same gap between them.
    expect(items[0].priorityScore - items[2].priorityScore).toBeCloseTo(2 / (1 + 1 / 6), 2);
    const ascending = await triage.list({ ...query, order: "asc" });
    expect(ascending.items.map((i) => i.externalMarketId)).toEqual(["KO-RANK-NONE", "KO-RANK-LATE", "KO-RANK-SOON"]);

    // A later flush of the same run keeps the term (the kickoff stays) while the count grows.
    seen(d, "KO-RANK-NONE", "e9", runId, at, null);
    await d.flush();
    expect((await marketRow(t, "KO-RANK-NONE")).priority_raw).toBeCloseTo(Math.log(5) + at / 86_400_000, 9);
    seen(d, "KO-RANK-SOON", "e9", runId, at, null);
    await d.flush();
    expect((await marketRow(t, "KO-RANK-SOON")).priority_raw).toBeCloseTo(Math.log(5) + at / 86_400_000 + 2 / (1 + 1 / 6), 9);
  });

  it("takes each event's kickoff from a scrape: the payload's, else the listing's", async () => {
    const now = Date.now();
    const event = (n: number, kickoff: number | null): ParseResult => ({
      sightings: [{ ...sighting("KO-CYCLE"), eventId: `ev${n}` }],
      dataErrors: 0,
      event: { matchId: String(n), kickoff: kickoff === null ? null : new Date(kickoff), home: null, away: null },
    });
    const parsed = new Map([
      // Its payload says 4 h although the listing said 1 h: the payload wins.
      ["a", event(1, now + 4 * HOUR)],
      // No kickoff in its payload: the listing's 3 h.
      ["b", event(2, null)],
      ["c", event(3, now + 6 * HOUR)],
    ]);
    const listed = { a: now + HOUR, b: now + 3 * HOUR, c: now + 6 * HOUR };
    const source: Source = {
      name: "sportybet",
      discover: async () => Object.entries(listed).map(([ref, k]) => ({ source: "sportybet" as const, ref, startsAt: new Date(k) })),
      fetchEvent: () => Promise.reject(new Error("parsed by fetchParsed")),
      fetchParsed: async (e) => parsed.get(e.ref)!,
    };
    const mappings = await reloadedMappings(t.db);
    const run = await runManualCycle(cycleDeps(t.db, { sources: [source], mappings: mappings.cache, publisher: nullPublisher }));
    expect(run.status).toBe("completed");
    expect(await kickoffOf(t, "KO-CYCLE")).toBe(now + 3 * HOUR);
  });
});
