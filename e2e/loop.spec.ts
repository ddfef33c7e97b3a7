// The product's loop in the browser: an unmapped market is opened, mapped in the mapping editor
// with the suggested outcome pairing, the next scrape counts it as mapped (it stays MAPPED and its
// sightings stop growing), and the dashboard's coverage for its platform rises.
import type { APIRequestContext, Page } from "@playwright/test";
import { statsSchema } from "../lib/contract/stats";
import type { UnmappedDetail } from "../lib/contract/unmapped";
import { ensureMarkets, expect, expectAccessible, getMarket, listMarkets, scrape, snap, test, waitLive } from "./support";

// Markets other specs rely on (detail: 138; security: the hostile names; map-both: 990101;
// price-check: 990102 and 990103): never map those.
const RESERVED = new Set(["138", "990001", "990002", "990101", "990102", "990103"]);

async function coverage(request: APIRequestContext, platform: "sportybet" | "bet9ja") {
  const stats = statsSchema.parse(await (await request.get("/api/stats")).json());
  return { runId: stats.lastRun?.id ?? 0, coverage: stats.lastRun?.coverage[platform]?.coverage ?? null };
}

/** The SportyBet market with the most sightings in the latest run: mapping it moves coverage most. */
async function busiestSportyBetMarket(request: APIRequestContext, runId: number): Promise<UnmappedDetail> {
  const { items } = await listMarkets(request, { source: "sportybet", status: "NEW,ACKNOWLEDGED", sort: "occurrenceCount", pageSize: 25 });
  const candidates = items.filter((i) => !RESERVED.has(i.externalMarketId) && !/[<>]/.test(i.marketName));
  const details = await Promise.all(candidates.map((i) => getMarket(request, i.id)));
  const sighted = details.filter((d) => d.impact?.runId === runId && d.sampleOutcomes.length > 0);
  sighted.sort((a, b) => (b.impact?.sightings ?? 0) - (a.impact?.sightings ?? 0));
  expect(sighted.length, "a SportyBet market sighted in the latest run").toBeGreaterThan(0);
  return sighted[0];
}

const coverageCard = (page: Page, platform: string) => page.locator(`[data-platform="${platform}"] [data-stat="value"]`);

test.beforeAll(async ({ request }) => ensureMarkets(request));

test("map a market in the editor; the next scrape counts it as mapped and coverage rises", async ({ page, request }, testInfo) => {
  test.slow();
  // A run just before mapping, so "before" and "after" differ by the mapping and one cycle only.
  await scrape(request);
  const before = await coverage(request, "sportybet");
  expect(before.coverage).not.toBeNull();
  const market = await busiestSportyBetMarket(request, before.runId);

  // The dashboard shows the coverage we start from.
  await page.goto("/dashboard");
  await waitLive(page);
  await expect(coverageCard(page, "sportybet")).toHaveAttribute("data-coverage", String(before.coverage));
  const shownBefore = await coverageCard(page, "sportybet").innerText();

  // Open the market, then its mapping editor.
  await page.goto(`/unmapped/${market.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(market.marketName);
  const mapLink = page.getByRole("link", { name: "Map this market" });
  if ((await mapLink.count()) > 0) await mapLink.first().click();
  else await page.goto(`/unmapped/${market.id}/map`);
  await expect(page).toHaveURL(new RegExp(`/unmapped/${market.id}/map$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Map ${market.marketName}`);
  await waitLive(page);

  // The source market: its outcomes and what mapping it gains.
  const source = page.getByRole("region", { name: "Source market" });
  for (const o of market.sampleOutcomes) await expect(source.getByRole("cell", { name: o.name, exact: true })).toBeVisible();
  await expect(source).toContainText("coverage gained if mapped");
  await expect(source).toContainText(`${market.impact?.sightings} sightings in ${market.impact?.events} event`);

  // Candidates are listed with a score and reasons; the ones that already map another SportyBet market are taken.
  await page.getByRole("radio", { name: /Extend an existing mapping/ }).check();
  const suggestions = page.getByRole("list", { name: "Suggested mappings, best first" });
  const first = suggestions.locator(":scope > li").first();
  await expect(first).toContainText(/\d+% match/);
  await expect(first.getByRole("list", { name: "Why" })).toContainText("similar");
  await expect(suggestions.locator(":scope > li[data-occupied]").first()).toContainText("Taken");

  // A demo SportyBet market has no free counterpart: create a new mapping, pre-filled from its outcomes.
  await page.getByRole("radio", { name: /Create a new mapping/ }).check();
  const target = page.getByRole("region", { name: "1. Target mapping" });
  const canonicalId = `e2e_loop_${market.externalMarketId}`;
  await expect(target.getByLabel(/^Name/)).toHaveValue(market.marketName);
  const outcomes = page.getByRole("region", { name: "2. Outcomes" });
  for (const o of market.sampleOutcomes) {
    await expect(outcomes.getByRole("checkbox", { name: `Include “${o.name}”` })).toBeChecked();
    await expect(outcomes.getByLabel(`betpawa name for “${o.name}”`)).toHaveValue(o.name);
  }

  // Client-side validation: the betpawa id and the reason are required, shown beside their fields.
  await page.getByRole("button", { name: "Map market" }).click();
  const betpawa = target.getByLabel("betpawa market id");
  await expect(betpawa).toHaveAttribute("aria-invalid", "true");
  await expect(betpawa).toHaveAccessibleDescription(/betpawa market id is required/);
  const reason = page.getByRole("textbox", { name: "Reason" });
  await expect(reason).toHaveAccessibleDescription(/say why/);
  await expect(page.getByRole("alert").filter({ hasText: "Not mapped yet" })).toBeVisible();
  expect((await getMarket(request, market.id)).status, "nothing was sent").toBe(market.status);

  await target.getByLabel("Canonical id").fill(canonicalId);
  await betpawa.fill("990100");
  await reason.fill("Same market as betpawa 990100; outcomes checked against the odds");
  await expect(betpawa).not.toHaveAttribute("aria-invalid", "true");

  // The preview is the mapping as the scraper will see it.
  const preview = page.getByRole("region", { name: /Preview/ });
  await expect(preview).toContainText(`SportyBet market ${market.externalMarketId}`);
  await expect(preview).toContainText("betpawa 990100");
  await expect(preview.getByRole("table", { name: "Outcomes of the resulting mapping" }).getByRole("row")).toHaveCount(
    market.sampleOutcomes.length + 1,
  );
  await expectAccessible(page, testInfo, "map-editor");
  await snap(page, testInfo, "map-editor");

  await page.getByRole("button", { name: "Map market" }).click();
  const success = page.getByRole("region", { name: "Mapped" });
  await expect(success).toBeVisible();
  await expect(success).toContainText(`SportyBet market ${market.externalMarketId} now maps to`);
  await expect(page.locator("article > header .badge").first()).toHaveText("Mapped");
  await expect(success.getByRole("link", { name: "Open the mapping" })).toHaveAttribute("href", `/mappings/${canonicalId}`);
  await expectAccessible(page, testInfo, "map-success");
  await snap(page, testInfo, "map-success");

  const mapped = await getMarket(request, market.id);
  expect(mapped.status).toBe("MAPPED");
  expect(mapped.mappingCanonicalId).toBe(canonicalId);

  // The market page says MAPPED.
  await success.getByRole("link", { name: "Open the market" }).click();
  await expect(page).toHaveURL(new RegExp(`/unmapped/${market.id}$`));
  await expect(page.locator("article > header .badge").first()).toHaveText("Mapped");
  await waitLive(page);

  // The next scrape (from the page) counts it as mapped: it stays MAPPED and is not sighted again.
  await page.getByRole("banner").getByRole("button", { name: "Scrape now" }).click();
  await expect(page.getByRole("region", { name: "Scrape run" })).toContainText(/Run #\d+ completed/, { timeout: 30_000 });
  const after = await coverage(request, "sportybet");
  expect(after.runId).toBeGreaterThan(before.runId);
  const again = await getMarket(request, market.id);
  expect(again.status).toBe("MAPPED");
  expect(again.occurrenceCount, "no new sightings once mapped").toBe(mapped.occurrenceCount);
  expect(again.lastSeenAt).toBe(mapped.lastSeenAt);

  // Coverage for SportyBet rose, and the dashboard shows it.
  expect(after.coverage).not.toBeNull();
  expect(after.coverage as number).toBeGreaterThan(before.coverage as number);
  await page.goto("/dashboard");
  await waitLive(page);
  await expect(coverageCard(page, "sportybet")).toHaveAttribute("data-coverage", String(after.coverage));
  expect(await coverageCard(page, "sportybet").innerText()).not.toBe(shownBefore);
  await expect(page.locator('[data-platform="sportybet"] [data-trend="up"]')).toBeVisible();
  // The mapping shows in the recent changes, linking to it.
  await expect(page.getByRole("list", { name: "Recent changes" }).getByRole("link", { name: canonicalId }).first()).toBeVisible();
  await snap(page, testInfo, "dashboard-after-mapping");

  // The mapping's page has the new mapping and its history.
  await page.goto(`/mappings/${canonicalId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(market.marketName);
  await expect(page.getByRole("list", { name: "History" })).toContainText("Mapping created");
  await expect(page.getByRole("list", { name: "History" })).toContainText("Same market as betpawa 990100");
});

test("a server field error from the map request shows beside its field", async ({ page, request }) => {
  const { items } = await listMarkets(request, { source: "bet9ja", status: "NEW", sort: "occurrenceCount", order: "asc", pageSize: 50 });
  const market = items.find((i) => !/[<>]/.test(i.marketName));
  expect(market).toBeDefined();
  const id = market?.id ?? 0;
  // The server would accept this mapping; answer as if it found the betpawa id invalid, to check
  // that problem+json errors[].field lands beside the matching field and nothing else changes.
  await page.route(`**/api/unmapped/${id}/map`, (route) =>
    route.fulfill({
      status: 422,
      contentType: "application/problem+json",
      body: JSON.stringify({
        type: "about:blank",
        title: "Unprocessable Content",
        status: 422,
        detail: "betpawa market 1 does not exist",
        errors: [{ field: "body.betpawaId", message: "betpawa market 1 does not exist" }],
      }),
    }),
  );
  await page.goto(`/unmapped/${id}/map`);
  await waitLive(page);
  await page.getByRole("radio", { name: /Create a new mapping/ }).check();
  const target = page.getByRole("region", { name: "1. Target mapping" });
  await target.getByLabel("Canonical id").fill(`e2e_server_error_${id}`);
  await target.getByLabel("betpawa market id").fill("1");
  await page.getByRole("textbox", { name: "Reason" }).fill("checking the error display");
  await page.getByRole("button", { name: "Map market" }).click();
  const betpawa = target.getByLabel("betpawa market id");
  await expect(betpawa).toHaveAttribute("aria-invalid", "true");
  await expect(betpawa).toHaveAccessibleDescription(/betpawa market 1 does not exist/);
  await expect(page.getByRole("region", { name: "Mapped" })).toHaveCount(0);
  expect((await getMarket(request, id)).status).toBe("NEW");
});

test("the mapping editor of an unknown or malformed market id is a 404 page", async ({ page }) => {
  for (const id of ["999999", "abc"]) {
    const res = await page.goto(`/unmapped/${id}/map`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});

test("scraped names stay text in the mapping editor", async ({ page, request }) => {
  const { items } = await listMarkets(request, { q: "Booking Race", pageSize: 10 });
  const hostile = items.find((i) => i.marketName.includes("<script>"));
  expect(hostile, "the demo feed's hostile market").toBeDefined();
  await page.goto(`/unmapped/${hostile?.id}/map`);
  await waitLive(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Map ${hostile?.marketName}`);
  await page.getByRole("radio", { name: /Create a new mapping/ }).check();
  await expect(page.getByRole("region", { name: "2. Outcomes" }).getByText("<b>Home</b>")).toBeVisible();
  await expect(page.getByLabel("betpawa name for “<b>Home</b>”")).toHaveValue("<b>Home</b>");
  await expect(page.getByRole("region", { name: "1. Target mapping" }).getByLabel("Canonical id")).toHaveValue(
    "script_alert_1_script_booking_race",
  );
  await expect(page.locator("#main b")).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});
