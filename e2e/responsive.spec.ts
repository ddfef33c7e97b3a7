// Every page (each app/**/page.tsx) at a phone's width (390 px) and a small laptop's (1,024 px):
// nothing scrolls the page sideways, and market names get room to be read (the name column is the
// flexible one, at least 200 px; below about 900 px the list shows stacked rows). On touch screens
// row actions show without hovering, and the mapping editor's outcome table fits a phone. The
// first-run page (/setup) exists only until the first admin is made, so e2e/auth.spec.ts checks it
// at both widths in its first-run test, just before making one.
import type { APIRequestContext } from "@playwright/test";
import { SIGNED_OUT } from "./auth-env";
import { ensureMarkets, expect, expectPageFits, listMarkets, test } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

const WIDTHS = [390, 1024] as const;

interface Target {
  path: string;
  /** Elements holding market (or mapping, people, token) names, each of which must be readable; a title where there are none. */
  names: string;
}

const MARKET_NAMES = 'tbody tr[data-market-id] [data-column="name"] a';

async function targets(request: APIRequestContext): Promise<Target[]> {
  const { items } = await listMarkets(request, { status: "NEW", sort: "priority", pageSize: 1 });
  const id = items[0].id;
  return [
    // Leads to the list.
    { path: "/", names: MARKET_NAMES },
    { path: "/unmapped", names: MARKET_NAMES },
    { path: "/unmapped?status=&sort=occurrenceCount", names: MARKET_NAMES },
    { path: `/unmapped/${id}`, names: "h1" },
    { path: `/unmapped/${id}/map`, names: "h1" },
    { path: "/mappings", names: 'tbody tr[data-canonical-id] [data-column="name"] a' },
    { path: "/mappings/1x2_ft", names: "h1" },
    { path: "/mappings/new", names: "h1" },
    { path: "/dashboard", names: MARKET_NAMES },
    { path: "/review", names: "#main h1, #main h2" },
    { path: "/settings/users", names: 'tbody tr[data-email] [data-column="name"]' },
    { path: "/settings/tokens", names: 'tbody tr[data-token-name] [data-column="name"]' },
  ];
}

for (const width of WIDTHS) {
  test(`every page fits ${width} px: no sideways scroll, names readable`, async ({ page, request }) => {
    await page.setViewportSize({ width, height: 860 });
    for (const target of await targets(request)) {
      await page.goto(target.path);
      await expectPageFits(page, target.names, target.path);
    }
  });

  test(`the sign-in page fits ${width} px`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: SIGNED_OUT, viewport: { width, height: 860 } });
    try {
      const page = await context.newPage();
      await page.goto("/sign-in");
      await expect(page.getByRole("form", { name: "Sign in" })).toHaveAttribute("data-hydrated", "true");
      await expectPageFits(page, "h1", "/sign-in");
    } finally {
      await context.close();
    }
  });
}

test("on a phone the header fits and the mapping editor's outcome table fits the screen", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 860 });
  const { items } = await listMarkets(request, { status: "NEW", sort: "priority", pageSize: 1 });
  await page.goto(`/unmapped/${items[0].id}/map`);
  await expect(page.locator("#main [data-hydrated]")).toHaveCount(1);
  const header = page.getByRole("banner");
  const headerBox = await header.boundingBox();
  expect((headerBox?.x ?? 0) + (headerBox?.width ?? 0)).toBeLessThanOrEqual(391);
  await expect(header.getByRole("button", { name: "Scrape now" })).toBeInViewport();

  await page.getByRole("radio", { name: /Create a new mapping/ }).check();
  const outcomes = page.getByRole("region", { name: "2. Outcomes" }).getByRole("table");
  await expect(outcomes).toBeVisible();
  const fits = await outcomes.evaluate((table) => {
    const r = table.getBoundingClientRect();
    return r.left >= 0 && r.right <= window.innerWidth && table.scrollWidth <= table.clientWidth + 1;
  });
  expect(fits, "the outcome table fits the phone's width without scrolling").toBe(true);
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 860 } });

  test("row actions show without hovering", async ({ page }) => {
    await page.goto("/unmapped?status=");
    await expect(page.locator("#main [data-hydrated]")).toHaveCount(1);
    const acknowledge = page
      .locator("tbody tr[data-market-id]")
      .first()
      .getByRole("button", { name: /^(Acknowledge|Ignore) /, disabled: false })
      .first();
    await expect(acknowledge).toBeVisible();
    await expect(acknowledge).toHaveCSS("opacity", "1");
  });
});
