// "Export CSV" on the list downloads the current view: its filters and sort, every page, as the
// file the API streams (the list's own rows, in its order).
import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { ensureMarkets, expect, listMarkets, test, waitLive } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

test("Export CSV downloads the markets of the current filter and sort", async ({ page, request }) => {
  const expected = await listMarkets(request, { status: "", source: "bet9ja", sort: "occurrenceCount", order: "asc", pageSize: 200 });
  expect(expected.total, "bet9ja markets to export").toBeGreaterThan(0);
  expect(expected.total, "one page holds them all").toBeLessThanOrEqual(200);

  await page.goto("/unmapped?status=&source=bet9ja&sort=occurrenceCount&order=asc");
  await waitLive(page);
  const link = page.getByRole("link", { name: "Export CSV" });
  await expect(link).toHaveAttribute("href", /source=bet9ja/);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`unmapped-markets-${new Date().toISOString().slice(0, 10)}.csv`);
  const text = await fs.readFile(await download.path(), "utf8");
  const [header, ...rows] = parse(text) as string[][];
  expect(header.slice(0, 4)).toEqual(["id", "platform", "external_id", "name"]);
  expect(rows.map((r) => Number(r[0]))).toEqual(expected.items.map((i) => i.id));
  expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(["bet9ja"]));
});
