// The market counters against a full count(*) GROUP BY source, status, reason, on both databases,
// through the real server over HTTP: after a scrape, after a bulk of triage edits (many at once,
// some racing on the same market, while a scrape runs), after "map this market" and after the
// regression the next scrape makes once its mapping is gone. /api/stats is served from the
// counters, so it must agree with the full count too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATUSES } from "@/lib/contract/enums";
import { statsSchema } from "@/lib/contract/stats";
import { unmappedListSchema, type UnmappedItem } from "@/lib/contract/unmapped";
import { available, DB_KINDS } from "@/server/testing/databases";
import { counterMismatches, fullCount } from "@/server/testing/seed";
import { serverApi } from "@/server/testing/api";
import { startTestServer, type TestServer } from "@/server/testing/server";

describe.each(DB_KINDS)("market counters on %s", (kind) => {
  let server: TestServer;
  const api = serverApi(() => server);
  const ok = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return res.json();
  };
  const scrape = async () => expect((await api("/api/scrape?wait=true", { method: "POST" })).status).toBe(200);
  const all = async (): Promise<UnmappedItem[]> => {
    const items: UnmappedItem[] = [];
    for (let page = 1; ; page++) {
      const p = unmappedListSchema.parse(
        await ok(await api(`/api/unmapped?status=NEW,ACKNOWLEDGED,IGNORED,MAPPED&sort=lastSeenAt&pageSize=200&page=${page}`)),
      );
      items.push(...p.items);
      if (items.length >= p.total) return items;
    }
  };
  /** Counters = full count, and the stats and list totals (both from the counters) say the same. */
  const expectCountersExact = async (when: string) => {
    const db = server.runtime.db;
    const mismatches = await counterMismatches(db);
    const total = await fullCount(db);
    const stats = statsSchema.parse(await ok(await api("/api/stats")));
    const byStatus = await db.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM unmapped_markets GROUP BY 1`,
    );
    console.log(
      `[counters] ${kind} after ${when}: ${total} markets by count(*), stats total ${stats.total}, ${mismatches.length} mismatches`,
      mismatches,
    );
    expect(mismatches).toEqual([]);
    expect(stats.total).toBe(total);
    for (const s of STATUSES) expect(stats.byStatus[s], s).toBe(byStatus.find((r) => r.status === s)?.n ?? 0);
    expect(Object.values(stats.byReason).reduce((a, b) => a + b, 0)).toBe(total);
    const listed = unmappedListSchema.parse(await ok(await api("/api/unmapped?status=NEW&pageSize=1")));
    expect(listed).toMatchObject({ total: stats.byStatus.NEW, totalCapped: false });
  };

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { demo: { events: 8, newPerCycle: 3 } });
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    it("equal a full count after a scrape", async () => {
      await scrape();
      expect(await fullCount(server.runtime.db)).toBeGreaterThan(20);
      await expectCountersExact("a scrape");
    });

    it("equal a full count after a bulk of triage edits, concurrent ones and racing ones, during a scrape", async () => {
      const items = await all();
      const running = api("/api/scrape?wait=true", { method: "POST" });
      const targets = ["ACKNOWLEDGED", "IGNORED", "NEW", "ACKNOWLEDGED", "IGNORED"] as const;
      const edits = items.flatMap((item, i) => {
        const status = targets[i % targets.length];
        const one = api(`/api/unmapped/${item.id}`, { method: "PATCH", json: { status, reason: "bulk" } });
        // Every third market gets a second, different edit at the same moment.
        return i % 3 === 0 ? [one, api(`/api/unmapped/${item.id}`, { method: "PATCH", json: { status: targets[(i + 1) % 5] } })] : [one];
      });
      const codes = (await Promise.all(edits)).map((r) => r.status);
      const tally = codes.reduce<Record<number, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});
      console.log(`[counters] ${kind}: ${edits.length} PATCHes at once on ${items.length} markets:`, tally);
      expect(codes.every((c) => c === 200 || c === 412)).toBe(true); // 412: the racing edit lost
      expect([200, 409]).toContain((await running).status);
      await expectCountersExact("bulk edits");
    });

    it("equal a full count after map-market and after the regression of the next scrape", async () => {
      const list = unmappedListSchema.parse(
        await ok(await api("/api/unmapped?status=NEW,ACKNOWLEDGED,IGNORED&source=sportybet&sort=occurrenceCount&pageSize=1")),
      );
      const target = list.items[0];
      await ok(
        await api(`/api/unmapped/${target.id}/map`, {
          method: "POST",
          json: { canonicalId: "counted_mapping", name: target.marketName, betpawaId: "990200" },
        }),
      );
      await expectCountersExact("map-market");
      await ok(await api("/api/mappings/counted_mapping?reason=test", { method: "DELETE" }));
      await scrape();
      const reopened = await ok(await api(`/api/unmapped/${target.id}`));
      expect(reopened).toMatchObject({ status: "NEW", regressedAt: expect.any(String) });
      await expectCountersExact("a regression");
    });
  });
});
