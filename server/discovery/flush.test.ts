// The write path on both databases: counts add up across flushes and under concurrent flushes,
// new detection is exact, triage edits survive flushes, and a failed flush loses nothing.
import { expect, it } from "vitest";
import type { Sighting } from "@/server/scraping/types";
import type { TestDatabase } from "@/server/testing/databases";
import { concurrentFlushes } from "@/server/testing/runs";
import { describeOnDatabases } from "@/server/testing/test-database";
import { DiscoveryService } from "./discovery-service";
import { TriageService } from "./triage-service";
import type { Publisher } from "@/server/realtime/publisher";
import { TEST_ACTOR } from "@/server/testing/auth";

const s = (id: string, specifier: string | null = null, source: Sighting["source"] = "sportybet"): Sighting => ({
  source,
  eventId: "e1",
  externalMarketId: id,
  name: `Market ${id}`,
  specifier,
  outcomes: [
    { name: "Over", odds: 1.9 },
    { name: "Under", odds: 1.95 },
  ],
});

function capture(): Publisher & { alerts: { count: number; markets: { externalMarketId: string }[] }[] } {
  const alerts: { count: number; markets: { externalMarketId: string }[] }[] = [];
  return {
    alerts,
    publish(type, data) {
      if (type === "unmapped_alert") alerts.push(data as (typeof alerts)[number]);
    },
  };
}

async function countOf(t: TestDatabase, id: string, source = "sportybet") {
  const rows = await t.db.query<{ occurrence_count: number }>(
    `SELECT occurrence_count FROM unmapped_markets WHERE source = $1::"Platform" AND external_market_id = $2`,
    [source, id],
  );
  return rows[0]?.occurrence_count;
}

describeOnDatabases("flush on %s", (t) => {
  it("adds counts across flushes, reports only first inserts as new, merges lines", async () => {
    const pub = capture();
    const d = new DiscoveryService(t.db, pub);
    d.record(s("A", "total=1.5"), "UNKNOWN_MARKET");
    d.record(s("A", "total=2.5"), "UNKNOWN_MARKET");
    d.record(s("B"), "UNKNOWN_MARKET");
    const first = await d.flush();
    expect(first.inserted.map((m) => m.externalMarketId).sort()).toEqual(["A", "B"]);
    expect(first.sightings).toBe(3);

    d.record(s("A", "total=3.5"), "UNKNOWN_MARKET");
    d.record(s("A", "total=1.5"), "UNKNOWN_MARKET");
    d.record(s("C"), "UNKNOWN_PARAM_MARKET");
    const second = await d.flush();
    expect(second.inserted.map((m) => m.externalMarketId)).toEqual(["C"]);
    expect(await countOf(t, "A")).toBe(4);
    expect(await countOf(t, "B")).toBe(1);

    const triage = new TriageService(t.db);
    const a = (await triage.list({ q: "Market A", sort: "lastSeenAt", order: "desc", page: 1, pageSize: 50 })).items[0];
    const detail = await triage.get(a.id);
    expect(detail.specifiers).toEqual(["total=1.5", "total=2.5", "total=3.5"]);
    expect(detail.sampleOutcomes).toEqual([
      { name: "Over", odds: 1.9 },
      { name: "Under", odds: 1.95 },
    ]);
    // One alert per flush that found new markets, never one for a market seen again.
    expect(pub.alerts.map((x) => x.count)).toEqual([2, 1]);
  });

  it("never touches status or notes, and does not bump the edit version", async () => {
    const d = new DiscoveryService(t.db, capture());
    d.record(s("KEEP"), "UNKNOWN_MARKET");
    await d.flush();
    const triage = new TriageService(t.db);
    const { items } = await triage.list({ q: "KEEP", sort: "lastSeenAt", order: "desc", page: 1, pageSize: 5 });
    const edited = await triage.update(items[0].id, { status: "IGNORED", notes: "Player prop - betpawa doesn't offer" }, TEST_ACTOR);
    for (let i = 0; i < 3; i++) d.record(s("KEEP"), "UNKNOWN_MARKET");
    await d.flush();
    const after = await triage.get(items[0].id);
    expect(after).toMatchObject({
      status: "IGNORED",
      notes: "Player prop - betpawa doesn't offer",
      version: edited.version,
      occurrenceCount: 4,
    });
  });

  it("concurrent flushes of overlapping batches lose no count", async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `CC${i}`);
    const results = await concurrentFlushes(t.db, ids, 6, 100);
    expect(results.every((r) => r.failed.length === 0)).toBe(true);
    // Each market is inserted by exactly one of the concurrent flushes.
    expect(results.reduce((n, r) => n + r.inserted.length, 0)).toBe(ids.length);
    const rows = await t.db.query<{ n: number; total: number }>(
      `SELECT count(*)::int AS n, sum(occurrence_count)::int AS total FROM unmapped_markets WHERE external_market_id LIKE 'CC%'`,
    );
    expect(rows[0]).toEqual({ n: 300, total: 1800 });
  });

  it("a failed flush keeps its sightings; the next flush writes them once", async () => {
    let fail = true;
    const flaky = {
      ...t.db,
      // The flush's statements go through queryBulk (background work); the rest through query.
      queryBulk: (sql: string, params?: unknown[]) =>
        fail && sql.includes("INSERT INTO unmapped_markets") ? Promise.reject(new Error("connection lost")) : t.db.queryBulk(sql, params),
    } as typeof t.db;
    const d = new DiscoveryService(flaky, capture());
    d.record(s("F1"), "UNKNOWN_MARKET");
    d.record(s("F1"), "UNKNOWN_MARKET");
    const failed = await d.flush();
    expect(failed.failed).toHaveLength(1);
    expect(await countOf(t, "F1")).toBeUndefined();
    d.record(s("F1"), "UNKNOWN_MARKET");
    fail = false;
    const ok = await d.flush();
    expect(ok.inserted.map((m) => m.externalMarketId)).toEqual(["F1"]);
    expect(await countOf(t, "F1")).toBe(3);
    expect(d.stats().pendingMarkets).toBe(0);
  });

  it("stores scraped text verbatim, hostile or not", async () => {
    const d = new DiscoveryService(t.db, capture());
    const name = `<img src=x onerror=alert(1)> '; DROP TABLE unmapped_markets; -- "quoted" \\ 50%`;
    d.record({ ...s("HOSTILE"), name }, "UNKNOWN_MARKET");
    await d.flush();
    const rows = await t.db.query<{ market_name: string }>(`SELECT market_name FROM unmapped_markets WHERE external_market_id = 'HOSTILE'`);
    expect(rows[0].market_name).toBe(name);
  });
});
