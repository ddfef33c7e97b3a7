// The mapping editor's live price check (issue 13) on the demo's price traps: a SportyBet market is
// mapped first (through the API) and a scrape puts its prices in the snapshot; then Bet9ja's same
// market extends that mapping in the editor with Over and Under swapped. The panel says suspicious
// and names the pairing the prices support, Map is blocked, one click applies that pairing, the
// verdict turns consistent and the mapping saves. Or "Map anyway" says why, and the history keeps it.
import type { APIRequestContext, Page } from "@playwright/test";
import { auditListSchema } from "../lib/contract/audit";
import type { MapCheck } from "../lib/contract/price-check";
import type { UnmappedItem } from "../lib/contract/unmapped";
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

// Reserved for this spec (loop.spec.ts leaves them alone): the goals traps on both platforms.
const FIRST_HALF = { sportybet: "990102", bet9ja: "S_DEMOGOALS1H", canonicalId: "e2e_goals_1st_half", betpawaId: "990199" };
const MATCH = { sportybet: "990103", bet9ja: "S_DEMOGOALSFT", canonicalId: "e2e_goals_match", betpawaId: "990198" };

test.beforeAll(async ({ request }) => ensureMarkets(request));

/**
 * The SportyBet side mapped through the API, then a run so the snapshot has its prices under the
 * mapping; the editor then open on the Bet9ja side with that mapping picked and Over/Under swapped.
 */
async function openSwapped(page: Page, request: APIRequestContext, trap: typeof FIRST_HALF): Promise<UnmappedItem> {
  const sporty = await marketByExternalId(request, trap.sportybet);
  const bet9ja = await marketByExternalId(request, trap.bet9ja);
  // Other specs triage at random: both must be open.
  for (const m of [sporty, bet9ja]) if (m.status === "IGNORED") await patchMarket(request, m.id, { status: "NEW" });
  const mapped = await request.post(`/api/unmapped/${sporty.id}/map`, {
    data: {
      canonicalId: trap.canonicalId,
      name: sporty.marketName,
      betpawaId: trap.betpawaId,
      outcomes: [
        { canonicalId: "over", betpawaName: "Over", sportybetDesc: "Over", bet9jaSuffix: null, position: 0 },
        { canonicalId: "under", betpawaName: "Under", sportybetDesc: "Under", bet9jaSuffix: null, position: 1 },
      ],
      reason: "e2e: the SportyBet side of a goals trap",
    },
  });
  expect(mapped.status(), await mapped.text()).toBe(200);
  await scrape(request);

  await page.goto(`/unmapped/${bet9ja.id}/map`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Map ${bet9ja.marketName}`);
  await waitLive(page);
  // The mapping is suggested with its breakdown (name, outcomes, lines, prices).
  await page.getByRole("radio", { name: /Extend an existing mapping/ }).check();
  const suggestion = page
    .getByRole("list", { name: "Suggested mappings, best first" })
    .locator(`li[data-canonical-id="${trap.canonicalId}"]`);
  await expect(suggestion.getByRole("definition").filter({ hasText: /%|n\/a/ })).toHaveCount(4);
  await expect(suggestion.getByRole("group", { name: "Score breakdown" })).toContainText("prices");
  await suggestion.getByRole("button", { name: `Use ${sporty.marketName}` }).click();

  const outcomes = page.getByRole("region", { name: "2. Outcomes" });
  await expect(outcomes.getByLabel("Bet9ja outcome for over")).toBeVisible();
  await outcomes.getByLabel("Bet9ja outcome for over").selectOption("U");
  await outcomes.getByLabel("Bet9ja outcome for under").selectOption("O");
  await page.getByRole("textbox", { name: "Reason" }).fill("Bet9ja's goals market is SportyBet's");
  return bet9ja;
}

const verdictOf = (page: Page) => page.getByRole("region", { name: "Price check" }).locator("header [data-verdict]");

test("the editor shows the live price check and blocks a swapped mapping", async ({ page, request }, testInfo) => {
  test.slow();
  const bet9ja = await openSwapped(page, request, FIRST_HALF);
  const outcomes = page.getByRole("region", { name: "2. Outcomes" });
  const overSelect = outcomes.getByLabel("Bet9ja outcome for over");
  const underSelect = outcomes.getByLabel("Bet9ja outcome for under");

  // The live check: suspicious, and the pairing the prices support named.
  const panel = page.getByRole("region", { name: "Price check" });
  const verdict = verdictOf(page);
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
  await expect(page.getByRole("region", { name: "Mapped" })).toContainText(`Bet9ja market ${FIRST_HALF.bet9ja} now maps to`);
  const after = await getMarket(request, bet9ja.id);
  expect(after.status).toBe("MAPPED");
  expect(after.mappingCanonicalId).toBe(FIRST_HALF.canonicalId);
});

test("a check turned suspicious meanwhile: /map's refusal shows, then map anyway with why", async ({ page, request }) => {
  test.slow();
  // The panel's first answers say consistent (as if the prices agreed until now); the map request reaches the real check.
  let stale = true;
  const consistent: MapCheck = {
    verdict: "consistent",
    eventsCompared: 1,
    meanDifference: 0.01,
    thresholds: { consistentMaxDiff: 0.04, clearlyBetterMargin: 0.02 },
    comparisons: [],
    dryRun: { runId: null, sightings: 0, events: 0, coveredSightings: 0, coveredEvents: 0, lines: [], unmatchedOutcomes: [] },
  };
  await page.route("**/api/unmapped/*/map/check", (route) => (stale ? route.fulfill({ json: consistent }) : route.continue()));
  const bet9ja = await openSwapped(page, request, MATCH);
  await expect(verdictOf(page)).toHaveAttribute("data-verdict", "consistent");

  stale = false;
  const mapButton = page.getByRole("button", { name: "Map market" });
  await mapButton.click();
  // The server's own words, and the check asked again: now suspicious, Map blocked.
  await expect(page.locator("#map-blocked")).toContainText("The prices say this mapping is suspicious");
  await expect(verdictOf(page)).toHaveAttribute("data-verdict", "suspicious");
  await expect(mapButton).toBeDisabled();
  expect((await getMarket(request, bet9ja.id)).status, "nothing was mapped").not.toBe("MAPPED");

  await page.getByRole("checkbox", { name: "Map anyway: the prices are wrong here" }).check();
  const why = page.getByRole("textbox", { name: /Why are the prices wrong here/ });
  await mapButton.click();
  await expect(why).toHaveAccessibleDescription(/say why the prices are wrong here/);
  await why.fill("SportyBet's match prices are stale today");
  await mapButton.click();
  await expect(page.getByRole("region", { name: "Mapped" })).toContainText(`Bet9ja market ${MATCH.bet9ja} now maps to`);

  const history = auditListSchema.parse(await (await request.get(`/api/unmapped/${bet9ja.id}/history`)).json());
  const reasons = history.items.map((i) => i.reason ?? "");
  expect(reasons.some((r) => r.includes("the prices are wrong here: SportyBet's match prices are stale today"))).toBe(true);
});
