// Runs first (its own Playwright project), while the fresh database holds no markets yet.
import { expect, expectAccessible, listMarkets, snap, test, waitLive } from "./support";

test("an empty database says what to do, and / leads to the list", async ({ page, request }, testInfo) => {
  expect((await listMarkets(request, { pageSize: 1 })).total, "this project runs before any scrape").toBe(0);

  await page.goto("/");
  await expect(page).toHaveURL(/\/unmapped$/);
  await expect(page.getByRole("heading", { name: "No unmapped markets yet" })).toBeVisible();
  await expect(page.getByText("show up here after a scrape run")).toBeVisible();
  const cta = page.getByRole("table").getByRole("button", { name: "Scrape now" });
  await expect(cta).toBeVisible();
  for (const tab of ["New", "Acknowledged", "Ignored", "Mapped", "All"]) {
    await expect(page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: new RegExp(`^${tab}\\s*0$`) })).toBeVisible();
  }
  await expect(page.getByText("No markets", { exact: true })).toBeVisible();
  await waitLive(page);
  await expectAccessible(page, testInfo, "list-empty");
  await snap(page, testInfo, "list-empty");
});
