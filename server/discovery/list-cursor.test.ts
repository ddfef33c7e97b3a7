// Cursor walks over 10,000 markets on both databases while new markets keep arriving between pages,
// alternately through the flush itself (the scraper's path: recorded sightings, one upsert) and a
// direct insert whose first-seen times, counts and names are spread over the whole order: no market comes twice, none that existed at the start is skipped, and each page
// continues the order. Several sorts, both directions, the several-status walk (UNION ALL per
// status) and a one-status walk. The cursor goes through the same helper the routes use.
import { beforeEach, expect, it } from "vitest";
import { type UnmappedItem, type UnmappedListQuery } from "@/lib/contract/unmapped";
import { unmappedKeyset } from "@/lib/contract/unmapped-export";
import { readPaging } from "@/server/http/cursor";
import { nullPublisher } from "@/server/realtime/publisher";
import { sighting } from "@/server/testing/discovery";
import { seedMarkets } from "@/server/testing/seed";
import { describeOnDatabases } from "@/server/testing/test-database";
import { DiscoveryService } from "./discovery-service";
import { listSql } from "./list-sql";
import { TriageService } from "./triage-service";

const ROWS = 10_000;
const LIMIT = 200;
const INSERTED_PER_PAGE = 40;

const request = (params: Record<string, string>) => new Request(`http://test/api/unmapped?${new URLSearchParams(params)}`);

describeOnDatabases("cursor walks of the list on %s", (t) => {
  let triage: TriageService;
  let discovery: DiscoveryService;
  let nextStart = ROWS + 1;

  // Each walk starts from the same 10,000 markets (the previous walk's arrivals are gone).
  beforeEach(async () => {
    await t.db.query("TRUNCATE unmapped_markets CASCADE");
    await seedMarkets(t.db, ROWS);
    nextStart = ROWS + 1;
    triage = new TriageService(t.db);
    discovery = new DiscoveryService(t.db, nullPublisher);
  });

  const walks: [UnmappedListQuery["sort"], UnmappedListQuery["order"], UnmappedListQuery["status"]][] = [
    ["firstSeenAt", "desc", undefined],
    ["firstSeenAt", "asc", undefined],
    ["name", "asc", undefined],
    ["name", "desc", ["NEW"]],
    ["occurrenceCount", "desc", ["NEW", "IGNORED"]],
    ["occurrenceCount", "asc", undefined],
    ["priority", "desc", undefined],
    ["lastSeenAt", "desc", []],
    ["source", "asc", undefined],
  ];

  it.each(walks)("sort %s %s (status %j)", async (sort, order, status) => {
    const where = status?.length ? `WHERE status = ANY('{${status.join(",")}}'::"TriageStatus"[])` : "";
    const before = new Set((await t.db.query<{ id: number }>(`SELECT id FROM unmapped_markets ${where}`)).map((r) => Number(r.id)));
    const q: UnmappedListQuery = { sort, order, status, page: 1, pageSize: 50 };
    const params: Record<string, string> = { sort, order, limit: String(LIMIT), ...(status ? { status: status.join(",") } : {}) };
    const seen = new Set<number>();
    let cursor: string | null = null;
    let pages = 0;
    // Figures and dates compare the same in JS and SQL (names follow the database's collation; the
    // priority score is rounded for the answer, so its ties are not the database's).
    const figure: Partial<Record<UnmappedListQuery["sort"], (i: UnmappedItem) => number>> = {
      firstSeenAt: (i) => Date.parse(i.firstSeenAt),
      occurrenceCount: (i) => i.occurrenceCount,
    };
    const keyOf = figure[sort];
    let last: [number, number] | null = null;
    do {
      const req = request(cursor ? { ...params, cursor } : params);
      const paging = readPaging(req, { limit: LIMIT, ...(cursor ? { cursor } : {}) }, unmappedKeyset(q, null));
      const page = await triage.list(q, null, paging);
      expect(page.page).toBe(cursor ? 0 : 1);
      for (const item of page.items) {
        expect(seen.has(item.id), `market ${item.id} came twice`).toBe(false);
        seen.add(item.id);
        // The whole walk is in the sort's order (ties by id), across pages too.
        if (keyOf) {
          const key: [number, number] = [keyOf(item), item.id];
          if (last) {
            const c = key[0] - last[0] || key[1] - last[1];
            expect(order === "asc" ? c : -c, `order at market ${item.id}`).toBeGreaterThan(0);
          }
          last = key;
        }
      }
      cursor = page.nextCursor;
      if (cursor) expect(page.items).toHaveLength(LIMIT);
      pages++;
      // Markets arrive while the walk goes on: a flush's worth between pages.
      if (pages % 2) {
        for (let n = nextStart; n < nextStart + INSERTED_PER_PAGE; n++)
          discovery.record(sighting(`WALK${n}`, `${String.fromCharCode(65 + (n % 26))} arrived ${n}`), "UNKNOWN_MARKET");
        expect((await discovery.flush()).inserted).toHaveLength(INSERTED_PER_PAGE);
      } else await seedMarkets(t.db, INSERTED_PER_PAGE, { start: nextStart });
      nextStart += INSERTED_PER_PAGE;
    } while (cursor && pages < 1000);
    const skipped = [...before].filter((id) => !seen.has(id));
    console.log(`[cursor] ${sort} ${order} ${status ?? "all"}: ${pages} pages, ${seen.size} markets (${before.size} at the start)`);
    expect(skipped).toEqual([]);
    expect(cursor).toBeNull();
  });

  it("`status=` (the All tab) walks each status's index like no status at all", () => {
    for (const status of [undefined, []]) {
      const sql = listSql({ sort: "lastSeenAt", order: "desc", status, page: 1, pageSize: 50 });
      expect(sql.rows).toContain("UNION ALL");
    }
  });

  it("a walk's pages are the rows of the offset pages when nothing changes", async () => {
    const q: UnmappedListQuery = { sort: "lastSeenAt", order: "desc", page: 1, pageSize: 100, q: "corners" };
    const params = { sort: "lastSeenAt", order: "desc", q: "corners", limit: "100" };
    let cursor: string | null = null;
    for (let n = 1; n <= 3; n++) {
      const paging = readPaging(request(params), { limit: 100, ...(cursor ? { cursor } : {}) }, unmappedKeyset(q, null));
      const byCursor = await triage.list(q, null, paging);
      const byPage = await triage.list({ ...q, page: n });
      expect(byCursor.items.map((i) => i.id)).toEqual(byPage.items.map((i) => i.id));
      expect(byCursor.total).toBe(byPage.total);
      cursor = byCursor.nextCursor;
    }
  });
});
