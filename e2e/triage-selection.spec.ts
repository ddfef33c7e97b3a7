// Keyboard triage acts on the market the user sees selected: the selection follows the market
// (by id) through live refreshes that reorder the list, says so when the market leaves the view,
// and single-key shortcuts can be turned off (WCAG 2.1.4), a setting the browser keeps.
import type { APIRequestContext, Page } from "@playwright/test";
import { unmappedListSchema } from "../lib/contract/unmapped";
import { ensureMarkets, expect, getMarket, marketRows, openWithFirstTwoNew, relaySocket, selectedRow, test, waitLive } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));
// A refetch the last change set off may still be in the list rewriter when a test ends; its
// route.fetch then fails with "Test ended", which is not the test's failure.
test.afterEach(async ({ page }) => page.unrouteAll({ behavior: "ignoreErrors" }));

/** Lets a test rewrite the list the browser receives, as a live refresh would change it. */
async function rewriteLists(page: Page) {
  let rewrite: ((ids: number[]) => number[]) | null = null;
  await page.route(/\/api\/unmapped\?/, async (route) => {
    const res = await route.fetch();
    const body = unmappedListSchema.parse(await res.json());
    if (rewrite && body.pageSize > 1) {
      const order = rewrite(body.items.map((i) => i.id));
      body.items = order.map((id) => body.items.find((i) => i.id === id)).filter((i) => i !== undefined);
    }
    await route.fulfill({ response: res, json: body });
  });
  return (next: (ids: number[]) => number[]) => {
    rewrite = next;
  };
}

/** The All tab, fewest sightings first, the first row selected with j; its first two markets set to New. */
async function selectFirstRow(page: Page, request: APIRequestContext) {
  const relay = await relaySocket(page);
  const rewrite = await rewriteLists(page);
  const { first, second } = await openWithFirstTwoNew(page, request, "/unmapped?status=&sort=occurrenceCount&order=asc");
  await page.keyboard.press("j");
  await expect(selectedRow(page)).toHaveAttribute("data-market-id", String(first));
  return { relay, rewrite, first, second };
}

test("a live refresh that reorders the rows does not move `a` to another market", async ({ page, request }) => {
  const { relay, rewrite, first, second } = await selectFirstRow(page, request);
  await expect(selectedRow(page)).toHaveAttribute("aria-selected", "true");

  // A scrape elsewhere: the list refetches and the two markets swap places.
  rewrite(([a, b, ...rest]) => [b, a, ...rest]);
  relay.emit("unmapped_alert", { count: 0, markets: [] });
  await expect(marketRows(page).nth(0)).toHaveAttribute("data-market-id", String(second));
  await expect(selectedRow(page)).toHaveAttribute("data-market-id", String(first));
  await expect(marketRows(page).nth(0)).toHaveAttribute("aria-selected", "false");

  await page.keyboard.press("a");
  await expect.poll(async () => (await getMarket(request, first)).status).toBe("ACKNOWLEDGED");
  expect((await getMarket(request, second)).status, "the market that moved into the row is untouched").toBe("NEW");
});

test("when the selected market leaves the view nothing is selected, and the page says so", async ({ page, request }) => {
  const { relay, rewrite, first, second } = await selectFirstRow(page, request);

  rewrite((ids) => ids.filter((id) => id !== first));
  relay.emit("unmapped_alert", { count: 0, markets: [] });
  await expect(page.locator(`tbody tr[data-market-id="${first}"]`)).toHaveCount(0);
  await expect(selectedRow(page)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "The selected market is no longer in this view" })).toBeVisible();

  // Nothing is selected, so `a` changes nothing.
  await page.keyboard.press("a");
  await page.keyboard.press("j");
  await expect(selectedRow(page)).toHaveAttribute("data-market-id", String(second));
  expect((await getMarket(request, second)).status).toBe("NEW");
});

test("single-key shortcuts can be turned off in the shortcuts dialog, and stay off", async ({ page }) => {
  await page.goto("/unmapped?status=");
  await waitLive(page);
  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  const toggle = dialog.getByRole("checkbox", { name: /Single-key shortcuts/ });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.keyboard.press("j");
  await expect(selectedRow(page)).toHaveCount(0);
  await page.keyboard.press("?");
  await expect(dialog).toBeHidden();

  await page.reload();
  await waitLive(page);
  await page.keyboard.press("j");
  await expect(selectedRow(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(dialog.getByRole("checkbox", { name: /Single-key shortcuts/ })).not.toBeChecked();
  await dialog.getByRole("checkbox", { name: /Single-key shortcuts/ }).check();
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await expect(selectedRow(page)).toHaveCount(1);
});
