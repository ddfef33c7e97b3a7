// Saved views' counts on both databases: every query shape counted in one statement equals the
// list's own total for it (counters, capped counts past TOTAL_CAP, several parameters renumbered
// side by side), and a query that no longer parses counts 0 without failing the others.
import { beforeAll, expect, it } from "vitest";
import { TOTAL_CAP } from "@/lib/contract/common";
import { TriageService } from "@/server/discovery/triage-service";
import { describeOnDatabases } from "@/server/testing/test-database";
import { seedMarkets } from "@/server/testing/seed";
import type { ViewQuery } from "@/lib/contract/views";
import { countViews, listQueryOf } from "./view-counts";

const QUERIES: ViewQuery[] = [
  {},
  { status: "NEW" },
  { status: ["IGNORED", "ACKNOWLEDGED"], source: "bet9ja", sort: "priority" },
  { reason: "UNKNOWN_PARAM_MARKET", status: "NEW,MAPPED" },
  { q: "Corners" },
  { q: "Goal", status: "NEW", minOccurrences: "2500" },
  { minOccurrences: "0" }, // every market, counted by reading rows: past the cap
  { q: "50%_" }, // wildcards are text
];

describeOnDatabases("saved view counts on %s", (t) => {
  let triage: TriageService;

  beforeAll(async () => {
    await seedMarkets(t.db, TOTAL_CAP + 500);
    triage = new TriageService(t.db);
  });

  it("counts every view in one statement, each as the list counts it", async () => {
    const queries = QUERIES.map((q) => listQueryOf(q, "someone"));
    const counts = await countViews(t.db, queries);
    const expected = await Promise.all(
      queries.map(async (q) => {
        const list = await triage.list({ ...q!, pageSize: 1 });
        return { count: list.total, countCapped: list.totalCapped };
      }),
    );
    expect(counts).toEqual(expected);
    expect(counts[0]).toEqual({ count: TOTAL_CAP + 500, countCapped: false });
    expect(counts[6]).toEqual({ count: TOTAL_CAP, countCapped: true });
    expect(counts[7]).toEqual({ count: 0, countCapped: false });
    expect(counts.slice(1, 6).every((c) => c.count > 0 && c.count < TOTAL_CAP)).toBe(true);
  });

  it("counts a query that no longer parses as 0, and nothing at all without a statement", async () => {
    const stale = listQueryOf({ status: "ARCHIVED" }, "someone");
    expect(stale).toBeNull();
    const counts = await countViews(t.db, [stale, listQueryOf({ status: "NEW" }, "someone")]);
    expect(counts[0]).toEqual({ count: 0, countCapped: false });
    expect(counts[1].count).toBeGreaterThan(0);
    expect(await countViews(t.db, [])).toEqual([]);
  });

  it("reads assignee=me as whoever asks", () => {
    expect(listQueryOf({ assignee: "me" }, "user-1")?.assignee).toBe("user-1");
    expect(listQueryOf({ assignee: "none" }, "user-1")?.assignee).toBe("none");
  });
});
