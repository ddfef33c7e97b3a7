import { ensureMarkets, expect, expectAccessible, listMarkets, relaySocket, scrape, snap, test, waitLive } from "./support";
import { scrapeRunListSchema, type ScrapeRun } from "../lib/contract/scrape";

const toasts = (page: import("@playwright/test").Page) => page.locator("[data-sonner-toast]");

test("Scrape now: progress, the run's result, a toast linking to a new market, rows added in place", async ({
  page,
  request,
}, testInfo) => {
  await ensureMarkets(request);
  await page.goto("/unmapped?sort=firstSeenAt");
  await waitLive(page);
  const before = (await listMarkets(request, { status: "NEW", pageSize: 1 })).total;
  const newTab = page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: /^New/ });
  await expect(newTab).toHaveText(new RegExp(`${before.toLocaleString("en-US")}$`));
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  await page.getByRole("banner").getByRole("button", { name: "Scrape now" }).click();
  const panel = page.getByRole("region", { name: "Scrape run" });
  await expect(panel).toContainText(/Run #\d+ completed/);
  const runs = scrapeRunListSchema.parse(await (await request.get("/api/scrape/runs?limit=1")).json());
  const run = runs.items[0];
  expect(run.trigger).toBe("manual");
  expect(run.newMarkets).toBeGreaterThan(0);
  await expect(panel).toContainText(`${run.events} events`);
  await expect(panel).toContainText(`${run.newMarkets} new unmapped market`);

  const toast = toasts(page).filter({ hasText: "new unmapped market" });
  await expect(toast).toContainText(`${run.newMarkets} new unmapped market`);
  const links = toast.getByRole("list").getByRole("link");
  await expect(links).toHaveCount(Math.min(3, run.newMarkets));
  await toast.hover();

  // The list and its tab count grew without a reload.
  await expect(newTab).toHaveText(new RegExp(`${(before + run.newMarkets).toLocaleString("en-US")}$`));
  const firstHref = (await links.first().getAttribute("href")) ?? "";
  const firstId = firstHref.split("/").pop();
  await expect(page.locator(`tbody tr[data-market-id="${firstId}"]`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expectAccessible(page, testInfo, "list-after-scrape");
  await snap(page, testInfo, "scrape-result-and-toast");

  const name = await links.first().innerText();
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`/unmapped/${firstId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

function run(id: number, status: ScrapeRun["status"]): ScrapeRun {
  const now = new Date().toISOString();
  const done = status !== "running";
  return {
    id,
    trigger: "schedule",
    status,
    startedAt: now,
    finishedAt: done ? now : null,
    events: done ? 12 : 0,
    markets: done ? 900 : 0,
    mapped: done ? 500 : 0,
    unmapped: done ? 400 : 0,
    newMarkets: done ? 3 : 0,
    sources: {},
    error: null,
  };
}

test("a 409 follows the run already going: its progress bar, then its result", async ({ page }, testInfo) => {
  const relay = await relaySocket(page);
  let finished = false;
  await page.route("**/api/scrape", (route) =>
    route.fulfill({
      status: 409,
      contentType: "application/problem+json",
      body: JSON.stringify({
        type: "about:blank",
        title: "Conflict",
        status: 409,
        detail: "Scrape run 9001 is already running",
        runId: 9001,
      }),
    }),
  );
  await page.route("**/api/scrape/runs/9001", (route) => route.fulfill({ json: run(9001, finished ? "completed" : "running") }));
  await page.goto("/unmapped");
  await waitLive(page);

  await page.getByRole("banner").getByRole("button", { name: "Scrape now" }).click();
  const panel = page.getByRole("region", { name: "Scrape run" });
  await expect(panel).toContainText("A scrape is already running; showing its progress.");
  await expect(page.getByRole("banner").getByRole("button", { name: "Scraping…" })).toBeDisabled();

  relay.emit("scrape_progress", { runId: 9001, phase: "scraping", current: 6, total: 12, message: "Scraped 6 of 12 events" });
  const bar = panel.getByRole("progressbar", { name: "Scrape progress" });
  await expect(bar).toHaveAttribute("aria-valuenow", "55");
  await expect(panel).toContainText("Run #9001: Scraped 6 of 12 events");
  await expectAccessible(page, testInfo, "scrape-progress");
  await snap(page, testInfo, "scrape-progress");

  finished = true;
  relay.emit("scrape_progress", { runId: 9001, phase: "completed", current: 12, total: 12, message: "Run 9001 completed" });
  await expect(panel).toContainText("Run #9001 completed");
  await expect(panel).toContainText("3 new unmapped markets");
  await expect(bar).toBeHidden();
  await panel.getByRole("button", { name: "Dismiss" }).click();
  await expect(panel).toBeHidden();
});

test("one socket per tab; after a reconnect it catches up on what it missed", async ({ page, request }) => {
  await ensureMarkets(request);
  const relay = await relaySocket(page);
  await page.goto("/unmapped?status=ALL&sort=firstSeenAt");
  await waitLive(page);

  // Client-side navigation keeps the same connection.
  await page.locator("tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/unmapped\/\d+\?/);
  await expect(page.getByRole("region", { name: "Triage" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/unmapped\?status=ALL/);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  expect(relay.connections()).toBe(1);

  const allTab = page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: /^All/ });
  const before = (await listMarkets(request, { pageSize: 1 })).total;
  await expect(allTab).toHaveText(new RegExp(`${before.toLocaleString("en-US")}$`));

  relay.cut();
  await expect(page.locator('[role="status"][data-state]')).toHaveAttribute("data-state", /reconnecting|offline/);
  const missed = await scrape(request);
  expect(missed.newMarkets).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  await expect(allTab, "nothing arrives while disconnected").toHaveText(new RegExp(`${before.toLocaleString("en-US")}$`));

  relay.restore();
  await waitLive(page);
  await expect(allTab).toHaveText(new RegExp(`${(before + missed.newMarkets).toLocaleString("en-US")}$`));
});
