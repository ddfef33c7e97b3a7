// Both lists sort on the server by their columns: the triage list by name, platform, reason and
// status too, the mappings list by its columns; and the mappings list offers "New mapping".
import type { Page } from "@playwright/test";
import { mappingListSchema } from "../lib/contract/mappings";
import { ensureMarkets, expect, listMarkets, test, waitLive } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

const marketIds = (page: Page) =>
  page.locator("tbody tr[data-market-id]").evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-market-id"))));

test("the triage list sorts by market name, platform, reason and status, both ways", async ({ page, request }) => {
  await page.goto("/unmapped?status=&pageSize=100");
  await waitLive(page);
  for (const [header, sort] of [
    ["Market", "name"],
    ["Platform", "source"],
    ["Reason", "reason"],
    ["Status", "status"],
  ] as const) {
    const th = page.getByRole("columnheader", { name: new RegExp(`^${header}`) });
    for (const order of ["desc", "asc"] as const) {
      await th.getByRole("button").click();
      await expect(page).toHaveURL(new RegExp(`sort=${sort}`));
      await expect(th).toHaveAttribute("aria-sort", order === "desc" ? "descending" : "ascending");
      const expected = await listMarkets(request, { sort, order, pageSize: 100 });
      await expect.poll(() => marketIds(page), `${sort} ${order}`).toEqual(expected.items.map((i) => i.id));
    }
  }
});

test("the mappings list sorts by its columns, and offers a new mapping", async ({ page, request }) => {
  await page.goto("/mappings");
  await waitLive(page);
  const th = page.getByRole("columnheader", { name: /^Canonical id/ });
  await th.getByRole("button").click();
  await expect(page).toHaveURL(/sort=canonicalId/);
  await expect(th).toHaveAttribute("aria-sort", "descending");
  const res = await request.get("/api/mappings?active=true&sort=canonicalId&order=desc&pageSize=50");
  expect(res.ok(), await res.text()).toBe(true);
  const expected = mappingListSchema.parse(await res.json()).items.map((m) => m.canonicalId);
  await expect
    .poll(() => page.locator("tbody tr[data-canonical-id]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-canonical-id"))))
    .toEqual(expected);

  await page.getByRole("link", { name: "New mapping" }).click();
  await expect(page).toHaveURL(/\/mappings\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New mapping");
});
