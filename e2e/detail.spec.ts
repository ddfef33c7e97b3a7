import {
  ensureMarkets,
  expect,
  expectAccessible,
  getMarket,
  listMarkets,
  marketByExternalId,
  patchMarket,
  relaySocket,
  snap,
  test,
  waitLive,
} from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

// SportyBet 138 "Booking Points-Over/Under": outcomes with prices and several lines.
const EXTERNAL_ID = "138";

async function freshMarket(request: Parameters<typeof ensureMarkets>[0]) {
  const item = await marketByExternalId(request, EXTERNAL_ID);
  return patchMarket(request, item.id, { status: "NEW", notes: null });
}

test("shows everything known about the market", async ({ page, request }, testInfo) => {
  const market = await freshMarket(request);
  await page.goto(`/unmapped/${market.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(market.marketName);
  await expect(page).toHaveTitle(`${market.marketName} · Market Triage`);
  await expect(page.getByText("No mapping has the SportyBet market id 138")).toBeVisible();

  const outcomes = page.getByRole("region", { name: "Outcomes of the latest sighting" }).getByRole("row");
  await expect(outcomes).toHaveCount(market.sampleOutcomes.length + 1);
  const first = market.sampleOutcomes[0];
  await expect(outcomes.nth(1)).toContainText(first.name);
  await expect(outcomes.nth(1)).toContainText(first.odds === null ? "no price" : first.odds.toFixed(2));

  const lines = page.getByRole("list", { name: "Lines" }).getByRole("listitem");
  await expect(lines).toHaveText(market.specifiers);

  const facts = page.getByRole("region", { name: "Details" });
  await expect(facts).toContainText(`Sightings${market.occurrenceCount.toLocaleString("en-US")}`);
  await expect(facts.locator("time").first()).toHaveAttribute("title", /\d{4}, \d\d:\d\d:\d\d/);
  await waitLive(page);
  await expectAccessible(page, testInfo, "detail");
  await snap(page, testInfo, "detail");
});

test("status and notes save optimistically and survive a reload", async ({ page, request }, testInfo) => {
  const market = await freshMarket(request);
  await page.goto(`/unmapped/${market.id}`);
  await waitLive(page);
  const status = page.getByRole("group", { name: "Status" });

  await status.getByRole("button", { name: "Acknowledged" }).click();
  await expect(status.getByRole("button", { name: "Acknowledged" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("article > header .badge").first()).toHaveText("Acknowledged");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  const notes = page.getByLabel("Notes");
  await notes.fill("Player prop - betpawa doesn't offer it");
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.getByRole("button", { name: "Save notes" })).toBeDisabled();
  await expect.poll(async () => (await getMarket(request, market.id)).notes).toBe("Player prop - betpawa doesn't offer it");

  await page.reload();
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: "Acknowledged" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByLabel("Notes")).toHaveValue("Player prop - betpawa doesn't offer it");
  const saved = await getMarket(request, market.id);
  expect(saved.status).toBe("ACKNOWLEDGED");
  expect(saved.version).toBe(market.version + 2);
  await snap(page, testInfo, "detail-saved");
});

test("a server validation error shows beside the notes field and keeps the draft", async ({ page, request }, testInfo) => {
  const market = await freshMarket(request);
  await page.goto(`/unmapped/${market.id}`);
  await waitLive(page);
  const tooLong = "x".repeat(2001);
  const notes = page.getByLabel("Notes");
  await notes.fill(tooLong);
  await expect(page.getByText("2,001 / 2,000 — over the limit")).toBeVisible();
  await page.getByRole("button", { name: "Save notes" }).click();

  const error = page.locator("#notes-error");
  await expect(error).toHaveText(/notes can be at most 2000 characters/);
  await expect(notes).toHaveAttribute("aria-invalid", "true");
  await expect(notes).toHaveAccessibleDescription(/notes can be at most 2000 characters/);
  await expect(notes).toHaveValue(tooLong);
  expect((await getMarket(request, market.id)).notes).toBeNull();
  await expectAccessible(page, testInfo, "detail-validation-error");
  await snap(page, testInfo, "detail-validation-error");
});

test("an edit made elsewhere meanwhile is not overwritten: 412, then reload", async ({ page, request }, testInfo) => {
  const market = await freshMarket(request);
  // The page now hears `unmapped_updated` and reloads itself, so the other tab's edit can only
  // go unseen if that message is lost: cut the socket first, then the save meets the stale ETag.
  const relay = await relaySocket(page);
  await page.goto(`/unmapped/${market.id}`);
  await waitLive(page);
  relay.cut();
  await patchMarket(request, market.id, { notes: "Changed in another tab" });

  const status = page.getByRole("group", { name: "Status" });
  await status.getByRole("button", { name: "Ignored" }).click();
  const banner = page.getByRole("alert").filter({ hasText: "Not saved: this market changed since you opened it" });
  await expect(banner).toBeVisible();
  // Rolled back to what the server really has.
  await expect(status.getByRole("button", { name: "New" })).toHaveAttribute("aria-pressed", "true");
  expect((await getMarket(request, market.id)).status).toBe("NEW");
  await snap(page, testInfo, "detail-conflict");

  await banner.getByRole("button", { name: "Reload market" }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByLabel("Notes")).toHaveValue("Changed in another tab");
  await status.getByRole("button", { name: "Ignored" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expect.poll(async () => (await getMarket(request, market.id)).status).toBe("IGNORED");
});

test("previous and next walk the list the market was opened from", async ({ page, request }) => {
  const query = { sort: "occurrenceCount", order: "desc" } as const;
  const { items, total } = await listMarkets(request, { ...query, pageSize: 4 });
  await page.goto("/unmapped?status=ALL&sort=occurrenceCount");
  await waitLive(page);
  await page.locator("tbody tr").nth(1).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/unmapped/${items[1].id}\\?`));
  const nav = page.getByRole("navigation", { name: "Markets in the list" });
  await expect(nav).toContainText(`2 of ${total}`);

  await nav.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(new RegExp(`/unmapped/${items[2].id}\\?`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(items[2].marketName);
  await expect(nav).toContainText(`3 of ${total}`);

  await waitLive(page);
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/unmapped/${items[1].id}\\?`));
  await expect(nav).toContainText(`2 of ${total}`);
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/unmapped/${items[0].id}\\?`));
  await expect(nav).toContainText(`1 of ${total}`);
  await expect(nav.getByRole("button", { name: /Previous/ })).toBeDisabled();

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Unmapped markets" }).click();
  await expect(page).toHaveURL(/\/unmapped\?status=ALL&sort=occurrenceCount$/);
  await expect(page.getByRole("columnheader", { name: /Sightings/ })).toHaveAttribute("aria-sort", "descending");
});

test("an unknown or malformed market id is a 404 page that leads back", async ({ page }) => {
  for (const id of ["999999", "abc"]) {
    const res = await page.goto(`/unmapped/${id}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
    await expect(page.getByRole("link", { name: "Go to unmapped markets" })).toBeVisible();
  }
});
