import type { Locator, Page } from "@playwright/test";
import { ensureMarkets, expect, expectAccessible, listMarkets, snap, test, waitLive } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

const rows = (page: Page) => page.locator("tbody tr[data-market-id]");
// Cells by column id, not position: the checkbox column (for those who may triage) comes first.
const column = async (page: Page, id: string) => rows(page).locator(`td[data-column="${id}"]`).allInnerTexts();
const sightings = async (page: Page) => (await column(page, "occurrenceCount")).map((t) => Number(t.replace(/,/g, "")));

const isSorted = (values: number[], order: "asc" | "desc") =>
  values.every((v, i) => i === 0 || (order === "asc" ? values[i - 1] <= v : values[i - 1] >= v));

/** Rows on screen are the current view's, not the previous view's kept while loading. */
const settled = (page: Page) => expect(page.getByRole("table")).toHaveAttribute("aria-busy", "false");

async function selectByLabel(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}

const summary = (page: Page): Locator => page.locator("#list-summary");

test("filter, sort, search and paginate; reload and back restore the view", async ({ page, request }, testInfo) => {
  const bet9ja = await listMarkets(request, { source: "bet9ja", pageSize: 1 });
  expect(bet9ja.total, "enough bet9ja markets for two pages of 25").toBeGreaterThan(25);

  await page.goto("/unmapped?status=ALL");
  await waitLive(page);
  await expect(rows(page).first()).toBeVisible();

  // Platform
  await selectByLabel(page, "Platform", "Bet9ja");
  await expect(page).toHaveURL(/[?&]source=bet9ja/);
  await expect(summary(page)).toHaveText(new RegExp(`of ${bet9ja.total}$`));
  expect(new Set(await column(page, "source"))).toEqual(new Set(["Bet9ja"]));

  // Sort by sightings: descending first, then ascending
  const header = page.getByRole("columnheader", { name: /Sightings/ });
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/sort=occurrenceCount/);
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await settled(page);
  await expect.poll(async () => isSorted(await sightings(page), "desc")).toBe(true);
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/order=asc/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await settled(page);
  await expect.poll(async () => isSorted(await sightings(page), "asc")).toBe(true);
  const ascending = await sightings(page);
  expect(ascending[0]).toBeLessThan(ascending.at(-1) ?? 0);

  // Page size and pages
  await selectByLabel(page, "Rows per page", "25");
  await expect(page).toHaveURL(/pageSize=25/);
  await expect(rows(page)).toHaveCount(25);
  await expect(summary(page)).toHaveText(`1–25 of ${bet9ja.total}`);
  const firstPage = await column(page, "name");
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(summary(page)).toHaveText(`26–${Math.min(50, bet9ja.total)} of ${bet9ja.total}`);
  const secondPage = await column(page, "name");
  expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
  await snap(page, testInfo, "list-filtered-sorted-page-2");

  // A reload restores everything from the URL
  const url = page.url();
  await page.reload();
  await waitLive(page);
  expect(page.url()).toBe(url);
  await expect(page.getByLabel("Platform", { exact: true })).toHaveValue("bet9ja");
  await expect(page.getByLabel("Rows per page")).toHaveValue("25");
  await expect(page.getByRole("columnheader", { name: /Sightings/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(summary(page)).toHaveText(`26–${Math.min(50, bet9ja.total)} of ${bet9ja.total}`);
  expect(await column(page, "name")).toEqual(secondPage);

  // Back walks through the views
  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(summary(page)).toHaveText(`1–25 of ${bet9ja.total}`);
  expect(await column(page, "name")).toEqual(firstPage);
  await page.goBack();
  await expect(page).not.toHaveURL(/pageSize=25/);
  await expect(page.getByLabel("Rows per page")).toHaveValue("50");
  await page.goForward();
  await page.goForward();
  await expect(summary(page)).toHaveText(`26–${Math.min(50, bet9ja.total)} of ${bet9ja.total}`);

  // Search (debounced) resets to page 1 and matches name or external id
  await page.getByRole("searchbox", { name: /Search/ }).fill("shots");
  await expect(page).toHaveURL(/q=shots/);
  await expect(page).not.toHaveURL(/page=2/);
  const matches = await listMarkets(request, { source: "bet9ja", q: "shots", pageSize: 1 });
  await expect(summary(page)).toHaveText(new RegExp(`of ${matches.total}$`));
  for (const row of await rows(page).all()) {
    const text = (await row.locator("td:nth-child(2)").innerText()) + (await row.locator("td:nth-child(3)").innerText());
    expect(text.toLowerCase()).toContain("shots");
  }

  // Minimum sightings
  await page.getByRole("searchbox", { name: /Search/ }).fill("");
  await expect(page).not.toHaveURL(/q=/);
  await page.getByLabel("Min. sightings").fill("10");
  await expect(page).toHaveURL(/minOccurrences=10/);
  await settled(page);
  await expect.poll(async () => Math.min(...(await sightings(page)))).toBeGreaterThanOrEqual(10);

  // A reason nobody has: the empty state offers to clear the filters
  await selectByLabel(page, "Reason", "No matching outcomes");
  await expect(page).toHaveURL(/reason=NO_MATCHING_OUTCOMES/);
  await expect(page.getByRole("heading", { name: "No markets match these filters" })).toBeVisible();
  await expectAccessible(page, testInfo, "list-no-match");
  await snap(page, testInfo, "list-no-match");
  await page.getByRole("table").getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/source=|reason=|minOccurrences=/);
  await expect(rows(page).first()).toBeVisible();
});

test("status tabs count each status and filter the list", async ({ page, request }, testInfo) => {
  await page.goto("/unmapped?status=ALL");
  await waitLive(page);
  const tabs = page.getByRole("navigation", { name: "Status" });
  for (const [label, status] of [
    ["New", "NEW"],
    ["Acknowledged", "ACKNOWLEDGED"],
    ["Ignored", "IGNORED"],
    ["Mapped", "MAPPED"],
    ["All", null],
  ] as const) {
    const { total } = await listMarkets(request, status ? { status, pageSize: 1 } : { pageSize: 1 });
    await expect(tabs.getByRole("link", { name: new RegExp(`^${label}\\s*${total.toLocaleString("en-US")}$`) })).toBeVisible();
  }
  await tabs.getByRole("link", { name: /^New/ }).click();
  await expect(page).toHaveURL(/\/unmapped$/);
  await expect(tabs.getByRole("link", { name: /^New/ })).toHaveAttribute("aria-current", "page");
  const statuses = await column(page, "status");
  expect(statuses.every((s) => s.startsWith("New"))).toBe(true);
  await expectAccessible(page, testInfo, "list");
  await snap(page, testInfo, "list");
});

test("a failed load says so and Retry recovers", async ({ page }, testInfo) => {
  let failing = false;
  await page.route(/\/api\/unmapped\?/, (route) =>
    failing
      ? route.fulfill({
          status: 503,
          contentType: "application/problem+json",
          body: JSON.stringify({ type: "about:blank", title: "Service Unavailable", status: 503, detail: "The database is not answering" }),
        })
      : route.continue(),
  );
  await page.goto("/unmapped?status=ALL");
  await waitLive(page);
  failing = true;
  await page.getByRole("searchbox", { name: /Search/ }).fill("shots");
  const error = page.getByRole("alert").filter({ hasText: "The markets could not be loaded" });
  await expect(error).toContainText("The database is not answering");
  await expect(rows(page)).toHaveCount(0);
  await expectAccessible(page, testInfo, "list-error");
  await snap(page, testInfo, "list-error");

  failing = false;
  await error.getByRole("button", { name: "Retry" }).click();
  await expect(error).toBeHidden();
  await expect(rows(page).first()).toContainText(/shots/i);
});
