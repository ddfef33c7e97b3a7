// Map both sides at once (issue 13): in the mapping editor of the demo's SportyBet "Corner Race to
// 7", "Map it too" on its Bet9ja counterpart (same outcome names, listed in another order) makes
// one save map both into one new mapping; both markets are Mapped.
import { ensureMarkets, expect, getMarket, marketByExternalId, patchMarket, test, waitLive } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

test("map a market and its other-platform counterpart in one save", async ({ page, request }) => {
  const sporty = await marketByExternalId(request, "990101");
  const bet9ja = await marketByExternalId(request, "S_DEMORACE7");
  // Other specs triage at random: the counterpart must be open to be suggested.
  if (bet9ja.status === "IGNORED") await patchMarket(request, bet9ja.id, { status: "NEW" });

  await page.goto(`/unmapped/${sporty.id}/map`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Map ${sporty.marketName}`);
  await waitLive(page);
  await page.getByRole("radio", { name: /Create a new mapping/ }).check();
  const target = page.getByRole("region", { name: "1. Target mapping" });
  await target.getByLabel("Canonical id").fill("e2e_corner_race_7");
  await target.getByLabel("betpawa market id").fill("990177");
  await page.getByRole("textbox", { name: "Reason" }).fill("Both books offer the race to 7 corners");

  await page.getByText(/Similar unmapped markets on other platforms/).click();
  const mapToo = page.getByRole("button", { name: "Map Bet9ja S_DEMORACE7 too" });
  await mapToo.click();
  await expect(mapToo).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/Saving maps Bet9ja S_DEMORACE7 into the same mapping too/)).toBeVisible();

  await page.getByRole("button", { name: "Map market" }).click();
  const success = page.getByRole("region", { name: "Mapped" });
  await expect(success).toContainText(`SportyBet market ${sporty.externalMarketId} now maps to`);
  await expect(success).toContainText("Bet9ja market S_DEMORACE7 maps to it too, in the same change.");
  for (const id of [sporty.id, bet9ja.id]) {
    const m = await getMarket(request, id);
    expect(m.status).toBe("MAPPED");
    expect(m.mappingCanonicalId).toBe("e2e_corner_race_7");
  }
});
