// Every page at a phone's width (390 px) and a small laptop's (1,024 px): nothing scrolls the page
// sideways, and market names get room to be read (the name column is the flexible one, at least
// 200 px; below about 900 px the list shows stacked rows). On touch screens row actions show
// without hovering, and the mapping editor's outcome table fits a phone.
import type { APIRequestContext, Page } from "@playwright/test";
import { ensureMarkets, expect, listMarkets, test } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

const WIDTHS = [390, 1024] as const;

interface Target {
  path: string;
  /** Elements holding market (or mapping) names, each of which must be readable. */
  names: string;
}

async function targets(request: APIRequestContext): Promise<Target[]> {
  const { items } = await listMarkets(request, { status: "NEW", sort: "priority", pageSize: 1 });
  const id = items[0].id;
  return [
    { path: "/unmapped", names: 'tbody tr[data-market-id] [data-column="name"] a' },
    { path: "/unmapped?status=&sort=occurrenceCount", names: 'tbody tr[data-market-id] [data-column="name"] a' },
    { path: `/unmapped/${id}`, names: "h1" },
    { path: `/unmapped/${id}/map`, names: "h1" },
    { path: "/mappings", names: 'tbody tr[data-canonical-id] [data-column="name"] a' },
    { path: "/mappings/1x2_ft", names: "h1" },
    { path: "/dashboard", names: 'tbody tr[data-market-id] [data-column="name"] a' },
  ];
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${label}: page width ${scrollWidth} > viewport ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
}

for (const width of WIDTHS) {
  test(`every page fits ${width} px: no sideways scroll, names readable`, async ({ page, request }) => {
    await page.setViewportSize({ width, height: 860 });
    for (const target of await targets(request)) {
      await page.goto(target.path);
      await expect(page.locator("#main [data-hydrated]")).toHaveCount(1);
      const names = page.locator(target.names);
      await expect(names.first()).toBeVisible();
      await expectNoSidewaysScroll(page, `${target.path} at ${width}px`);
      const count = Math.min(await names.count(), 5);
      for (let i = 0; i < count; i++) {
        // The room a name gets on screen: its own box, clipped by the cell or container holding it.
        const { text, shown, needed, left, right } = await names.nth(i).evaluate((el) => {
          let clip = el.getBoundingClientRect();
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (style.overflowX !== "visible" || p.tagName === "TD" || p.tagName === "TH") {
              const r = p.getBoundingClientRect();
              clip = new DOMRect(
                Math.max(clip.left, r.left),
                clip.top,
                Math.max(0, Math.min(clip.right, r.right) - Math.max(clip.left, r.left)),
                clip.height,
              );
            }
          }
          // The text's own width (an inline element has no scrollWidth).
          const range = document.createRange();
          range.selectNodeContents(el);
          return {
            text: el.textContent ?? "",
            shown: clip.width,
            needed: Math.min(200, range.getBoundingClientRect().width),
            left: clip.left,
            right: clip.right,
          };
        });
        // A name gets at least 200 px, or all the room it needs when shorter.
        expect(shown, `${target.path} at ${width}px: "${text}" gets ${shown}px`).toBeGreaterThanOrEqual(needed - 1);
        expect(left >= 0 && right <= width + 1, `${target.path}: "${text}" on screen`).toBe(true);
      }
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
