// The dashboard after scrapes: status and coverage cards agree with the API, the trend charts
// draw every run (accessibly: an image with a spoken summary and the numbers in a table), the
// most urgent new markets link to their pages, recent changes list the latest triage, and a run
// started from the page refreshes it in place.
import type { APIRequestContext } from "@playwright/test";
import { statsSchema, type Stats } from "../lib/contract/stats";
import { auditListSchema } from "../lib/contract/audit";
import { ensureMarkets, expect, expectAccessible, listMarkets, patchMarket, scrape, snap, test, waitLive } from "./support";

const pct = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

async function stats(request: APIRequestContext): Promise<Stats> {
  return statsSchema.parse(await (await request.get("/api/stats")).json());
}

test.beforeAll(async ({ request }) => {
  await ensureMarkets(request);
  // Trends need more than one run.
  if ((await stats(request)).runs.length < 2) await scrape(request);
});

test("cards, charts, urgent markets and recent changes render with data", async ({ page, request }, testInfo) => {
  // A triage change with a reason, to show up in the recent changes (undone at the end).
  const { items } = await listMarkets(request, { status: "NEW", sort: "priority", order: "asc", pageSize: 20 });
  const triaged = items.find((i) => !/[<>]/.test(i.marketName));
  expect(triaged).toBeDefined();
  const id = triaged?.id ?? 0;
  const res = await request.patch(`/api/unmapped/${id}`, { data: { status: "ACKNOWLEDGED", reason: "dashboard e2e" } });
  expect(res.ok(), await res.text()).toBe(true);

  try {
    const s = await stats(request);
    await page.goto("/dashboard");
    await waitLive(page);
    await expect(page).toHaveTitle("Dashboard · Market Triage");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
    await expect(page.getByText(`Latest run #${s.lastRun?.id} completed`)).toBeVisible();

    // Status cards: counts as the API has them, each linking to its tab of the list.
    for (const [status, label] of [
      ["NEW", "New"],
      ["ACKNOWLEDGED", "Acknowledged"],
      ["MAPPED", "Mapped"],
      ["IGNORED", "Ignored"],
    ] as const) {
      const card = page.locator(`[data-status="${status}"]`);
      await expect(card.locator('[data-stat="label"]')).toHaveText(label);
      await expect(card.locator('[data-stat="value"]')).toHaveText(s.byStatus[status].toLocaleString("en-US"));
    }
    await expect(page.locator('[data-status="ACKNOWLEDGED"]')).toHaveAttribute("href", "/unmapped?status=ACKNOWLEDGED");

    // Coverage per platform from the latest run.
    for (const platform of ["sportybet", "bet9ja"] as const) {
      const c = s.lastRun?.coverage[platform];
      expect(c?.coverage).not.toBeNull();
      const card = page.locator(`[data-platform="${platform}"]`);
      await expect(card.locator('[data-stat="value"]')).toHaveText(pct.format(c?.coverage ?? 0));
      await expect(card).toContainText(`${c?.mapped.toLocaleString("en-US")} of ${c?.markets.toLocaleString("en-US")} sightings mapped`);
    }

    // Charts: accessible images with a summary, one point or bar per run, and the numbers on demand.
    const coverageChart = page.getByRole("img", { name: /^Coverage per run\. Coverage over the last \d+ runs: SportyBet/ });
    await expect(coverageChart).toBeVisible();
    await expect(coverageChart.locator("circle")).toHaveCount(s.runs.length * 3);
    const newChart = page.getByRole("img", { name: /^New unmapped markets per run\./ });
    await expect(newChart).toBeVisible();
    const bars = s.runs.reduce((n, r) => n + Object.values(r.perPlatform).filter((p) => p.new > 0).length, 0);
    await expect(newChart.locator("rect")).toHaveCount(bars);
    const coverageSection = page.getByRole("region", { name: "Coverage per run" });
    await coverageSection.getByText("Show the numbers").click();
    const table = coverageSection.getByRole("table", { name: "Coverage per run" });
    await expect(table.getByRole("row")).toHaveCount(s.runs.length + 1);
    const last = s.runs[s.runs.length - 1];
    await expect(table.getByRole("row").last()).toContainText(pct.format(last.perPlatform.sportybet?.coverage ?? 0));

    // The ten most urgent new markets, in the API's order, linking to each.
    const urgent = await listMarkets(request, { status: "NEW", sort: "priority", order: "desc", pageSize: 10 });
    const rows = page.getByRole("region", { name: "Most urgent new markets" }).locator("tbody tr");
    await expect(rows).toHaveCount(urgent.items.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-market-id"))))).toEqual(
      urgent.items.map((i) => i.id),
    );
    await expect(rows.first().getByRole("link", { name: urgent.items[0].marketName, exact: true })).toHaveAttribute(
      "href",
      `/unmapped/${urgent.items[0].id}`,
    );
    await expect(rows.first().getByRole("link", { name: `Map ${urgent.items[0].marketName}` })).toHaveAttribute(
      "href",
      `/unmapped/${urgent.items[0].id}/map`,
    );

    // Recent changes: the triage change above, with its reason and a link to the market.
    const audit = auditListSchema.parse(await (await request.get("/api/audit?pageSize=10")).json());
    const recent = page.getByRole("list", { name: "Recent changes" });
    await expect(recent.locator(":scope > li")).toHaveCount(audit.items.length);
    const entry = recent.locator(":scope > li").filter({ hasText: "dashboard e2e" }).first();
    await expect(entry).toContainText("Status");
    await expect(entry.getByRole("link", { name: `Market #${id}` })).toHaveAttribute("href", `/unmapped/${id}`);

    await expectAccessible(page, testInfo, "dashboard");
    await snap(page, testInfo, "dashboard");

    // A run started from the page refreshes the figures in place.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.getByRole("banner").getByRole("button", { name: "Scrape now" }).click();
    await expect(page.getByRole("region", { name: "Scrape run" })).toContainText(/Run #\d+ completed/, { timeout: 30_000 });
    const next = await stats(request);
    expect(next.lastRun?.id).toBeGreaterThan(s.lastRun?.id ?? 0);
    await expect(page.getByText(`Latest run #${next.lastRun?.id} completed`)).toBeVisible();
    await expect(coverageChart.locator("circle")).toHaveCount(Math.min(30, next.runs.length) * 3);
    await expect(page.locator('[data-status="NEW"] [data-stat="value"]')).toHaveText(next.byStatus.NEW.toLocaleString("en-US"));
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await snap(page, testInfo, "dashboard-after-scrape");
  } finally {
    await patchMarket(request, id, { status: "NEW" });
  }
});

test("the dashboard's links lead to the list, a market and its mapping editor", async ({ page, request }) => {
  const urgent = await listMarkets(request, { status: "NEW", sort: "priority", order: "desc", pageSize: 1 });
  const top = urgent.items[0];
  await page.goto("/dashboard");
  await waitLive(page);
  await page.locator('[data-status="NEW"]').click();
  await expect(page).toHaveURL(/\/unmapped$/);
  await page.goBack();
  const rows = page.getByRole("region", { name: "Most urgent new markets" }).locator("tbody tr");
  await rows
    .first()
    .getByRole("link", { name: `Map ${top.marketName}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/unmapped/${top.id}/map$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Map ${top.marketName}`);
  await page.goBack();
  await rows.first().getByRole("link", { name: top.marketName, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/unmapped/${top.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(top.marketName);
});
