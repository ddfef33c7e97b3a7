// Urgency on screen: the list's Kick-off column says how soon the market's next match kicks off
// ("in 3 h", the exact time on hover) and the market page shows it beside Last seen.
import { ensureMarkets, expect, listMarkets, test, waitLive } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

const AHEAD = /^(in \d+ (min|h|d)|just now)$/;

test("the list and the market page show the next kick-off", async ({ page, request }) => {
  // The demo feed's matches are all ahead, so the most urgent market has one.
  const { items } = await listMarkets(request, { status: "NEW,ACKNOWLEDGED,IGNORED", sort: "priority", pageSize: 50 });
  const market = items.find((i) => i.nextKickoffAt !== null);
  expect(market, "a market sighted in an upcoming match").toBeDefined();

  await page.goto(`/unmapped?status=ALL&q=${encodeURIComponent(market!.externalMarketId)}`);
  await waitLive(page);
  await expect(page.getByRole("columnheader", { name: /^Kick-off/ })).toBeVisible();
  const cell = page.locator(`tbody tr[data-market-id="${market!.id}"] td[data-column="nextKickoffAt"]`);
  await expect(cell).toHaveText(AHEAD);
  await expect(cell.locator("time")).toHaveAttribute("datetime", market!.nextKickoffAt!);
  await expect(cell.locator("time")).toHaveAttribute("title", /\d{4}, \d\d:\d\d:\d\d/);

  await page.goto(`/unmapped/${market!.id}`);
  const facts = page.getByRole("region", { name: "Details" });
  const kickoff = facts.locator("dl > div").filter({ has: page.locator("dt", { hasText: "Next kick-off" }) });
  await expect(kickoff.locator("dd time").first()).toHaveText(AHEAD);
  await expect(kickoff.locator("dd time").first()).toHaveAttribute("datetime", market!.nextKickoffAt!);
});
