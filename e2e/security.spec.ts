// Scraped text is untrusted: the demo feed (DEMO_HOSTILE_NAMES=true) names markets like HTML and
// script injections. They must show as text everywhere; the page fixture fails on any dialog.
import type { Page } from "@playwright/test";
import { ensureMarkets, expect, expectAccessible, listMarkets, newMarketsAlert, relaySocket, snap, test, waitLive } from "./support";

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "Player <img src=x onerror=alert(1)> Shots",
  "<script>alert(1)</script> Booking Race",
];

async function expectNothingInjected(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const injectedScripts = await page.evaluate(
    () => [...document.querySelectorAll("script")].filter((s) => s.textContent?.trim() === "alert(1)").length,
  );
  expect(injectedScripts).toBe(0);
}

test.beforeAll(async ({ request }) => ensureMarkets(request));

test("hostile names are text in the list and on the detail page", async ({ page, request }, testInfo) => {
  const { items } = await listMarkets(request, { q: "alert(1)", pageSize: 50 });
  expect(items.map((i) => i.marketName).sort()).toEqual([...HOSTILE].sort());

  await page.goto("/unmapped?status=ALL&q=alert(1)");
  const names = page.locator(`tbody tr td[data-column="name"]`);
  await expect(names).toHaveCount(HOSTILE.length);
  expect((await names.allInnerTexts()).sort()).toEqual([...HOSTILE].sort());
  await expectNothingInjected(page);
  await snap(page, testInfo, "hostile-list");

  for (const item of items) {
    await page.goto(`/unmapped/${item.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(item.marketName);
    await expectNothingInjected(page);
  }
  // Outcome names are scraped text too: "<b>Home</b>" stays literal.
  const booking = items.find((i) => i.marketName.endsWith("Booking Race"));
  await page.goto(`/unmapped/${booking?.id}`);
  await expect(page.getByRole("cell", { name: "<b>Home</b>" })).toBeVisible();
  await expect(page.locator("td b")).toHaveCount(0);
  await snap(page, testInfo, "hostile-detail");
});

test("hostile names in an alert toast are text, and its links open the markets", async ({ page, request }, testInfo) => {
  const { items } = await listMarkets(request, { q: "alert(1)", pageSize: 50 });
  const relay = await relaySocket(page);
  await page.goto("/unmapped");
  await waitLive(page);

  relay.emit("unmapped_alert", newMarketsAlert(items));
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: `${items.length} new unmapped markets` });
  await expect(toast).toBeVisible();
  const links = toast.getByRole("list").getByRole("link");
  await expect(links).toHaveText(items.slice(0, 3).map((i) => i.marketName));
  await expect(toast).toContainText("and 1 more");
  // Hovering pauses the toast's timer, as it would for a user reading it.
  await toast.hover();
  await expectNothingInjected(page);
  await expectAccessible(page, testInfo, "alert-toast");
  await snap(page, testInfo, "hostile-toast");

  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`/unmapped/${items[0].id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(items[0].marketName);
  await expectNothingInjected(page);
});

test("every page carries a nonce Content-Security-Policy that its own scripts satisfy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ["/unmapped", "/dashboard", "/mappings", "/settings/tokens"]) {
    const response = await page.goto(path);
    const csp = response?.headers()["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc, `${path}: script-src`).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc, `${path}: no inline scripts allowed`).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    // The page is live: its scripts ran under the policy and the realtime socket connected.
    await expect(page.locator('[role="status"][data-state]')).toHaveAttribute("data-state", "live");
  }
  // Two loads get two nonces: it is per response, not a constant.
  const nonceOf = async () => /'nonce-([^']+)'/.exec((await page.goto("/unmapped"))?.headers()["content-security-policy"] ?? "")?.[1];
  expect(await nonceOf()).not.toBe(await nonceOf());
  expect(violations).toEqual([]);
});
