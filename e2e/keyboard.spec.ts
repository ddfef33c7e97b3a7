import {
  ensureMarkets,
  expect,
  expectAccessible,
  getMarket,
  listMarkets,
  marketRows,
  openWithFirstTwoNew,
  selectedRow,
  snap,
  test,
  waitLive,
} from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

test("j/k move, a acknowledges, i ignores, Enter opens", async ({ page, request }, testInfo) => {
  // The All tab keeps triaged rows on screen, so positions stay put.
  const { first, second } = await openWithFirstTwoNew(page, request, "/unmapped?status=ALL&sort=occurrenceCount&order=asc");

  await page.keyboard.press("j");
  await expect(selectedRow(page)).toHaveAttribute("data-market-id", String(first));
  await expect(marketRows(page).nth(0).getByRole("link")).toBeFocused();
  await page.keyboard.press("j");
  await expect(selectedRow(page)).toHaveAttribute("data-market-id", String(second));
  await page.keyboard.press("k");
  await expect(selectedRow(page)).toHaveAttribute("data-market-id", String(first));

  await page.keyboard.press("a");
  await expect(marketRows(page).nth(0).locator('[data-column="status"] .badge').first()).toHaveText("Acknowledged");
  await expect(page.getByText(/^Acknowledged: /)).toBeVisible();
  await expect.poll(async () => (await getMarket(request, first)).status).toBe("ACKNOWLEDGED");

  await page.keyboard.press("j");
  await page.keyboard.press("i");
  await expect(marketRows(page).nth(1).locator('[data-column="status"] .badge').first()).toHaveText("Ignored");
  await expect.poll(async () => (await getMarket(request, second)).status).toBe("IGNORED");
  await snap(page, testInfo, "list-keyboard-triage");

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/unmapped/${second}\\?`));
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: "Ignored" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
});

test("in the New tab a triaged row leaves and the next one is selected", async ({ page, request }) => {
  const { items } = await listMarkets(request, { status: "NEW", sort: "priority", pageSize: 3 });
  expect(items.length).toBeGreaterThanOrEqual(2);
  await page.goto("/unmapped");
  await waitLive(page);
  await expect(marketRows(page).first()).toHaveAttribute("data-market-id", String(items[0].id));

  await page.keyboard.press("j");
  await page.keyboard.press("a");
  await expect(page.locator(`tbody tr[data-market-id="${items[0].id}"]`)).toHaveCount(0);
  await expect(selectedRow(page)).toHaveAttribute("data-market-id", String(items[1].id));
  await expect(selectedRow(page).getByRole("link")).toBeFocused();
  await expect.poll(async () => (await getMarket(request, items[0].id)).status).toBe("ACKNOWLEDGED");

  // Undo from the toast puts it back.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(async () => (await getMarket(request, items[0].id)).status).toBe("NEW");
  await expect(page.locator(`tbody tr[data-market-id="${items[0].id}"]`)).toHaveCount(1);
});

test("/ focuses search, keys typed there stay there, ? lists the shortcuts", async ({ page }, testInfo) => {
  await page.goto("/unmapped?status=ALL");
  await waitLive(page);
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: /Search/ });
  await expect(search).toBeFocused();
  await page.keyboard.type("jkai");
  await expect(search).toHaveValue("jkai");
  await expect(selectedRow(page)).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(search).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(search).not.toBeFocused();

  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Acknowledge the selected market");
  // Shortcuts stay off behind the dialog.
  await page.keyboard.press("j");
  await expect(selectedRow(page)).toHaveCount(0);
  await expectAccessible(page, testInfo, "shortcuts-dialog");
  await snap(page, testInfo, "shortcuts-dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("every control on the list is reachable with Tab and shows its focus", async ({ page }) => {
  await page.goto("/unmapped?status=ALL");
  await waitLive(page);
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        name: el.getAttribute("aria-label") ?? el.id ?? "",
        text: el.textContent?.trim().slice(0, 30) ?? "",
        outline: style.outlineStyle,
      };
    });
    if (!info) continue;
    expect(info.outline, `focus ring on ${info.text || info.name}`).not.toBe("none");
    reached.add(info.name || info.text);
  }
  for (const expected of [
    "Scrape now",
    "Keyboard shortcuts",
    "market-search",
    "filter-source",
    "filter-reason",
    "filter-min-occurrences",
  ]) {
    expect(
      [...reached].some((r) => r.includes(expected)),
      `${expected} reachable`,
    ).toBe(true);
  }
});
