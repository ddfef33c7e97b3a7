// The list's totals and deep pages on both databases, over more rows than the count cap: totals
// from the counters are exact, a search past 10,000 matches says "10,000+" (totalCapped), and a
// deep page (deferred join) returns exactly the rows the plain OFFSET query returns.
import { beforeAll, expect, it } from "vitest";
import { TOTAL_CAP } from "@/lib/contract/common";
import { UNMAPPED_SORTS, unmappedListSchema, type UnmappedListQuery } from "@/lib/contract/unmapped";
import { describeOnDatabases } from "@/server/testing/test-database";
import { seedMarkets } from "@/server/testing/seed";
import { ITEM_COLUMNS, SORT_COLUMN } from "./list-sql";
import { TriageService } from "./triage-service";

const ROWS = 12_000;
const base: UnmappedListQuery = { sort: "lastSeenAt", order: "desc", page: 1, pageSize: 50 };

describeOnDatabases("list totals and deep pages on %s", (t) => {
  let triage: TriageService;
  const count = async (where: string, params: unknown[] = []) =>
    Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM unmapped_markets ${where}`, params))[0].n);

  beforeAll(async () => {
    await seedMarkets(t.db, ROWS);
    // Some triage on top, so the counters have moved since the insert.
    await t.db.query(`UPDATE unmapped_markets SET status = 'ACKNOWLEDGED' WHERE id % 17 = 0 AND status = 'NEW'`);
    triage = new TriageService(t.db);
  });

  it("status, source and reason totals are exact, from the counters", async () => {
    const cases: [UnmappedListQuery, string, unknown[]][] = [
      [base, "", []],
      [{ ...base, status: ["NEW"] }, `WHERE status = 'NEW'`, []],
      [{ ...base, status: ["ACKNOWLEDGED"] }, `WHERE status = 'ACKNOWLEDGED'`, []],
      [{ ...base, status: ["IGNORED", "MAPPED"] }, `WHERE status IN ('IGNORED', 'MAPPED')`, []],
      [{ ...base, source: ["bet9ja"], status: ["NEW"] }, `WHERE source = 'bet9ja' AND status = 'NEW'`, []],
      [{ ...base, source: ["bet9ja", "sportybet"], status: ["NEW"] }, `WHERE source IN ('bet9ja', 'sportybet') AND status = 'NEW'`, []],
      [{ ...base, reason: "NO_MATCHING_OUTCOMES" }, `WHERE reason = 'NO_MATCHING_OUTCOMES'`, []],
      [
        { ...base, source: ["bet9ja"], status: ["MAPPED"], reason: "UNKNOWN_PARAM_MARKET" },
        `WHERE source = 'bet9ja' AND status = 'MAPPED' AND reason = 'UNKNOWN_PARAM_MARKET'`,
        [],
      ],
    ];
    for (const [q, where] of cases) {
      const page = unmappedListSchema.parse(await triage.list(q));
      const expected = await count(where);
      console.log(`[list] ${where || "all"}: total ${page.total}, count(*) ${expected}`);
      expect(page).toMatchObject({ total: expected, totalCapped: false });
    }
    expect((await triage.list(base)).total).toBe(ROWS);
  });

  it("a search matching more than 10,000 says totalCapped; fewer matches are counted exactly", async () => {
    const all = await triage.list({ ...base, q: "seed" }); // every external id contains SEED
    expect(all).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(all.items).toHaveLength(50);
    const deep = await triage.list({ ...base, q: "seed", page: ROWS / 50 });
    expect(deep.items).toHaveLength(50); // pages past the cap still have their rows
    expect((await triage.list({ ...base, minOccurrences: 0 })).totalCapped).toBe(true);

    const corners = await triage.list({ ...base, q: "corners" });
    const expected = await count(`WHERE market_name ILIKE '%corners%' OR external_market_id ILIKE '%corners%'`);
    console.log(`[list] q=corners: total ${corners.total}, count(*) ${expected}; q=seed: total ${all.total}+ of ${ROWS}`);
    expect(expected).toBeLessThan(TOTAL_CAP);
    expect(corners).toMatchObject({ total: expected, totalCapped: false });
    const frequent = await triage.list({ ...base, status: ["NEW"], minOccurrences: 4000 });
    expect(frequent).toMatchObject({ total: await count(`WHERE status = 'NEW' AND occurrence_count >= 4000`), totalCapped: false });
  });

  it("deep pages return the same rows, in the same order, as the OFFSET query", async () => {
    let compared = 0;
    for (const sort of UNMAPPED_SORTS) {
      for (const order of ["asc", "desc"] as const) {
        for (const filter of [{}, { status: ["NEW" as const] }, { source: ["bet9ja" as const] }, { q: "half" }]) {
          for (const page of [1, 2, 37, 150, 241]) {
            const q: UnmappedListQuery = { ...base, sort, order, page, pageSize: 50, ...filter };
            const where = [
              "status" in filter ? `status = 'NEW'` : "",
              "source" in filter ? `source = 'bet9ja'` : "",
              "q" in filter ? `(market_name ILIKE '%half%' OR external_market_id ILIKE '%half%')` : "",
            ].filter(Boolean);
            const dir = order.toUpperCase();
            const old = await t.db.query<{ id: number }>(
              `SELECT ${ITEM_COLUMNS} FROM unmapped_markets ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
               ORDER BY ${SORT_COLUMN[sort]} ${dir}, id ${dir} LIMIT 50 OFFSET ${(page - 1) * 50}`,
            );
            const got = await triage.list(q);
            expect(
              got.items.map((i) => i.id),
              `${sort} ${order} ${JSON.stringify(filter)} page ${page}`,
            ).toEqual(old.map((r) => Number(r.id)));
            compared += old.length;
          }
        }
      }
    }
    console.log(`[list] deep pages: ${compared} rows compared with OFFSET, all equal`);
    expect(compared).toBeGreaterThan(5_000);
  });
});
