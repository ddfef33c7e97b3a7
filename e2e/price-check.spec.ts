// The mapping editor's live price check (issue 13) on the demo's price trap: SportyBet 990102 is
// mapped first (through the API) and a scrape puts its prices in the snapshot; then Bet9ja's same
// market S_DEMOGOALS1H extends that mapping in the editor with Over and Under swapped. The panel says
// suspicious and names the pairing the prices support, Map is blocked, one click applies that
// pairing, the verdict turns consistent and the mapping saves.
import {
  ensureMarkets,
  expect,
  expectAccessible,
  getMarket,
  marketByExternalId,
  patchMarket,
  scrape,
  snap,
  test,
  waitLive,
} from "./support";

// Reserved for this spec (loop.spec.ts leaves them alone): the 1st-half goals trap on both platforms.
const SPORTYBET = "990102";
const BET9JA = "S_DEMOGOALS1H";
const CANONICAL = "e2e_goals_1st_half";
const NAME = "Goals Over/Under - 1st Half";

test.beforeAll(async ({ request }) => ensureMarkets(request));

test("the editor shows the live price check and blocks a swapped mapping", async ({ page, request }, testInfo) => {
  test.slow();
  const sporty = await marketByExternalId(request, SPORTYBET);
  const bet9ja = await marketByExternalId(request, BET9JA);
  // Other specs triage at random: both must be open.
  for (const m of [sporty, bet9ja]) if (m.status === "IGNORED") await patchMarket(request, m.id, { status: "NEW" });

  // The SportyBet side mapped through the API, then a run so the snapshot has its prices under the mapping.
  const mapped = await request.post(`/api/unmapped/${sporty.id}/map`, {
    data: {
      canonicalId: CANONICAL,
      name: NAME,
      betpawaId: "990199",
      outcomes: [
        { canonicalId: "over", betpawaName: "Over", sportybetDesc: "Over", bet9jaSuffix: null, position: 0 },
        { canonicalId: "under", betpawaName: "Under", sportybetDesc: "Under", bet9jaSuffix: null, position: 1 },
      ],
      reason: "e2e: the SportyBet side of the 1st-half goals trap",
    },
  });
  expect(mapped.status(), await mapped.text()).toBe(200);
  await scrape(request);

  await page.goto(`/unmapped/${bet9ja.id}/map`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Map ${bet9ja.marketName}`);
  await waitLive(page);

  // The mapping is suggested with its breakdown (name, outcomes, lines, prices).
  await page.getByRole("radio", { name: /Extend an existing mapping/ }).check();
  const suggestion = page.getByRole("list", { name: "Suggested mappings, best first" }).locator(`li[data-canonical-id="${CANONICAL}"]`);
  const breakdown = suggestion.getByRole("definition").filter({ hasText: /%|n\/a/ });
  await expect(breakdown).toHaveCount(4);
  await expect(suggestion.getByLabel("Score breakdown")).toContainText("prices");
  await suggestion.getByRole("button", { name: `Use ${NAME}` }).click();

  // Over and Under swapped.
  const outcomes = page.getByRole("region", { name: "2. Outcomes" });
  const overSelect = outcomes.getByLabel("Bet9ja outcome for over");
  const underSelect = outcomes.getByLabel("Bet9ja outcome for under");
  await expect(overSelect).toBeVisible();
  await overSelect.selectOption("U");
  await underSelect.selectOption("O");
  await page.getByRole("textbox", { name: "Reason" }).fill("Bet9ja's 1st-half goals are SportyBet's");

  // The live check: suspicious, and the pairing the prices support named.
  const panel = page.getByRole("region", { name: "Price check" });
  const verdict = panel.locator("header [data-verdict]");
  await expect(verdict).toHaveAttribute("data-verdict", "suspicious");
  await expect(panel).toContainText(/\d+ events? compared; mean difference [\d.]+ points/);
  await expect(panel.getByRole("row", { name: /^O\b/ })).toContainText("prices pair it with Over");
  await expect(panel.getByRole("row", { name: /^U\b/ })).toContainText("prices pair it with Under");
  await expect(panel).toContainText(/Run #\d+: covers/);

  // Map is blocked; "Map anyway" would ask why.
  const mapButton = page.getByRole("button", { name: "Map market" });
  await expect(mapButton).toBeDisabled();
  await expect(page.locator("#map-blocked")).toContainText("price check says suspicious");
  const anyway = page.getByRole("checkbox", { name: "Map anyway: the prices are wrong here" });
  await anyway.check();
  await expect(page.getByRole("textbox", { name: /Why are the prices wrong here/ })).toBeVisible();
  await expect(mapButton).toBeEnabled();
  await anyway.uncheck();
  await expect(mapButton).toBeDisabled();
  await expectAccessible(page, testInfo, "price-check-suspicious");
  await outcomes.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "price-check-suspicious");

  // One click applies the pairing the prices support; the check agrees and Map is free.
  await panel.getByRole("button", { name: "Use the pairing prices support" }).click();
  await expect(overSelect).toHaveValue("O");
  await expect(underSelect).toHaveValue("U");
  await expect(verdict).toHaveAttribute("data-verdict", "consistent");
  await expect(panel.getByText(/prices pair it with/)).toHaveCount(0);
  await expect(anyway).toHaveCount(0);
  await expect(mapButton).toBeEnabled();
  await outcomes.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "price-check-consistent");

  await mapButton.click();
  await expect(page.getByRole("region", { name: "Mapped" })).toContainText(`Bet9ja market ${BET9JA} now maps to`);
  const after = await getMarket(request, bet9ja.id);
  expect(after.status).toBe("MAPPED");
  expect(after.mappingCanonicalId).toBe(CANONICAL);
});
