// The dashboard's Coverage card: after real scrapes of the demo feed (which never drops a market)
// it says nothing is missing, as the API does; with an alert answered by the API (intercepted: the
// demo cannot drop a market on cue) it lists it as text linked to its mapping, and a triager's
// dismiss posts to the API and the card refreshes without it.
import { coverageAlertListSchema, type CoverageAlert } from "../lib/contract/coverage";
import { ensureMarkets, expect, snap, test, waitLive } from "./support";

const HOSTILE = '<img src=x onerror="window.__pwned=1"> Over/Under';

const alert: CoverageAlert = {
  id: 4242,
  canonicalId: "over_under_ft",
  mappingName: HOSTILE,
  platform: "bet9ja",
  marketKey: "S_OU",
  kind: "dropped",
  runId: 7,
  details: { previousRunId: 6, previousEvents: 8, previousOffered: 8, events: 8, offered: 0, newNames: [] },
  createdAt: new Date(Date.now() - 60_000).toISOString(),
  resolvedAt: null,
  resolvedRunId: null,
  dismissedBy: null,
};

test.beforeAll(async ({ request }) => {
  await ensureMarkets(request);
});

test("the Coverage card shows no alerts after the demo's runs, as the API says", async ({ page, request }) => {
  const open = coverageAlertListSchema.parse(await (await request.get("/api/coverage-alerts")).json());
  expect(open.items).toEqual([]);
  await page.goto("/dashboard");
  await waitLive(page);
  const card = page.locator("[data-coverage-card]");
  await expect(card.getByRole("heading", { name: "Coverage" })).toBeVisible();
  await expect(card).toContainText("is still offered");
});

test("the Coverage card lists an alert as text, linked to its mapping, and dismisses it", async ({ page }, testInfo) => {
  let dismissed = false;
  await page.route("**/api/coverage-alerts?*", (route) => route.fulfill({ json: { items: dismissed ? [] : [alert], nextCursor: null } }));
  await page.route(`**/api/coverage-alerts/${alert.id}/dismiss`, (route) => {
    expect(route.request().method()).toBe("POST");
    dismissed = true;
    return route.fulfill({ json: { ...alert, resolvedAt: new Date().toISOString(), dismissedBy: "Admin" } });
  });
  await page.goto("/dashboard");
  await waitLive(page);
  const item = page.locator(`[data-coverage-alert="${alert.id}"]`);
  await expect(item).toBeVisible();
  await expect(item.getByRole("link", { name: HOSTILE })).toHaveAttribute("href", "/mappings/over_under_ft");
  await expect(item).toContainText("No longer offered");
  await expect(item).toContainText("in none of 8 events of run #7; run #6 offered it in 8 of 8");
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await snap(page, testInfo, "coverage-card");

  await item.getByRole("button", { name: `Dismiss ${HOSTILE} on bet9ja` }).click();
  await expect(item).toHaveCount(0);
  await expect(page.locator("[data-coverage-card]")).toContainText("is still offered");
});
