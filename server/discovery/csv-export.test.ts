// The CSV export over HTTP on both databases, parsed back with csv-parse: a few hundred markets,
// some with hostile names and notes (quotes, commas, line breaks, formulas), equal to what the API's
// list and detail say of the same markets, in the list's order; a filter applies; formula cells are
// defused; a viewer may export, nobody signed in gets 401.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unmappedDetailSchema, unmappedListSchema, type UnmappedItem } from "@/lib/contract/unmapped";
import { UNMAPPED_CSV_COLUMNS } from "@/lib/contract/unmapped-export";
import { createToken } from "@/server/testing/auth";
import { available, DB_KINDS } from "@/server/testing/databases";
import { seedMarkets } from "@/server/testing/seed";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { describeOnDatabases } from "@/server/testing/test-database";
import { exportCsv, safeCell } from "./csv-export";
import { TriageService } from "./triage-service";

const MARKETS = 300;
const HOSTILE = [
  'Total "Goals", Over/Under',
  "Line\nbreak, and\r\nCRLF",
  "=cmd|' /C calc'!A0",
  "+1 Handicap",
  "-2 Handicap",
  "@SUM(A1:A2)",
  "\tTabbed",
  "\rCarriage",
  "Ünïcødé ⚽ 'quoted'",
  ",leading comma",
];

describe.each(DB_KINDS)("CSV export on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { env: { SCRAPE_INTERVAL_SECONDS: "0" } });
    const db = server.runtime.db;
    await seedMarkets(db, MARKETS);
    // Hostile text in names, ids, notes and lines of every tenth market.
    for (const [i, text] of HOSTILE.entries()) {
      await db.query(
        `UPDATE unmapped_markets SET market_name = $1, notes = $2, specifiers = $3, external_market_id = external_market_id || $4
         WHERE id = (SELECT id FROM unmapped_markets ORDER BY id OFFSET $5 LIMIT 1)`,
        [text, `note: ${text}`, [text, "total=2.5"], i % 2 ? "" : "=X", i * 10],
      );
    }
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    const csvOf = async (query: string, token = server.token) => {
      const res = await fetch(`${server.url}/api/unmapped/export.csv${query}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe(
        `attachment; filename="unmapped-markets-${new Date().toISOString().slice(0, 10)}.csv"`,
      );
      const text = await res.text();
      const [header, ...rows] = parse(text, { relax_column_count: false }) as string[][];
      expect(header).toEqual([...UNMAPPED_CSV_COLUMNS]);
      return rows.map(
        (r) => Object.fromEntries(UNMAPPED_CSV_COLUMNS.map((c, i) => [c, r[i]])) as Record<(typeof UNMAPPED_CSV_COLUMNS)[number], string>,
      );
    };

    /** Every item of the list for `query`, through its pages. */
    const listed = async (query: string): Promise<UnmappedItem[]> => {
      const items: UnmappedItem[] = [];
      for (let page = 1; ; page++) {
        const res = await server.fetch(`/api/unmapped?${query}&page=${page}&pageSize=200`);
        const body = unmappedListSchema.parse(await res.json());
        items.push(...body.items);
        if (items.length >= body.total) return items;
      }
    };

    it("has every market of the list, in its order, cell for cell as the API says (hostile text defused)", async () => {
      const query = "status=&sort=name&order=asc";
      const rows = await csvOf(`?${query}`);
      const items = await listed(query);
      expect(rows.map((r) => Number(r.id))).toEqual(items.map((i) => i.id));
      expect(rows).toHaveLength(MARKETS);
      for (const [n, item] of items.entries()) {
        const row = rows[n];
        const detail = unmappedDetailSchema.parse(await (await server.fetch(`/api/unmapped/${item.id}`)).json());
        expect(row).toMatchObject({
          platform: item.source,
          external_id: safeCell(item.externalMarketId),
          name: safeCell(item.marketName),
          status: item.status,
          reason: item.reason,
          lines: safeCell(detail.specifiers.join("; ")),
          occurrence_count: String(item.occurrenceCount),
          first_seen_at: item.firstSeenAt,
          last_seen_at: item.lastSeenAt,
          assignee: item.assignee?.name ?? "",
          notes: safeCell(detail.notes ?? ""),
        });
        expect(Math.abs(Number(row.priority) - item.priorityScore)).toBeLessThan(0.0015);
      }
      // The hostile names came through whole, and no cell starts a formula.
      const names = rows.map((r) => r.name);
      for (const text of HOSTILE) expect(names).toContain(safeCell(text));
      for (const row of rows)
        for (const cell of [row.name, row.notes, row.lines, row.external_id]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(names).toContain("'=cmd|' /C calc'!A0");
    });

    it("applies the list's filters", async () => {
      const query = "status=NEW&source=bet9ja&q=corners&sort=occurrenceCount&order=desc";
      const rows = await csvOf(`?${query}`);
      const items = await listed(query);
      expect(items.length).toBeGreaterThan(0);
      expect(rows.map((r) => Number(r.id))).toEqual(items.map((i) => i.id));
      for (const row of rows) expect(row).toMatchObject({ status: "NEW", platform: "bet9ja" });
      const none = await csvOf("?q=nothing-matches-this");
      expect(none).toEqual([]);
    });

    it("a viewer may export; nobody signed in gets 401; a bad filter is 400 naming it", async () => {
      const viewer = await createToken(server.url, "viewer");
      expect((await csvOf("?status=IGNORED", viewer.token)).length).toBeGreaterThan(0);
      const anonymous = await fetch(`${server.url}/api/unmapped/export.csv`);
      expect(anonymous.status).toBe(401);
      const bad = await server.fetch("/api/unmapped/export.csv?sort=nope&page=2");
      expect(bad.status).toBe(400);
      const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["query.sort", "query.page"]));
    });
  });
});

// Past one batch (500 on PGlite, 2,000 on PostgreSQL): the batches join without a gap or a repeat.
describeOnDatabases("CSV export in batches on %s", (t) => {
  it("exports 4,500 markets in the list's order across batches", async () => {
    await seedMarkets(t.db, 4_500);
    const q = { sort: "lastSeenAt", order: "desc", status: ["NEW", "ACKNOWLEDGED", "IGNORED"] } as const;
    const text = await new Response(await exportCsv(t.db, { ...q, status: [...q.status] }, null)).text();
    const ids = (parse(text, { from_line: 2 }) as string[][]).map((r) => Number(r[0]));
    const triage = new TriageService(t.db);
    const expected: number[] = [];
    for (let page = 1; expected.length < ids.length + 1; page++) {
      const items = (await triage.list({ ...q, status: [...q.status], page, pageSize: 200 })).items;
      if (!items.length) break;
      expected.push(...items.map((i) => i.id));
    }
    expect(ids.length).toBeGreaterThan(2_000);
    expect(ids).toEqual(expected);
  });
});
