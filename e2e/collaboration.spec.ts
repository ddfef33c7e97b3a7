// Other people's changes appear live: a status or notes change made in one browser shows in
// another's list and market page without reloading (the unmapped_updated broadcast).
import { ensureMarkets, expect, listMarkets, patchMarket, test, waitLive } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

test("a change made in one browser shows in another's list and market page", async ({ browser, request }) => {
  const { items } = await listMarkets(request, { status: "NEW", sort: "occurrenceCount", order: "asc", pageSize: 20 });
  const market = items.find((i) => !/[<>]/.test(i.marketName));
  expect(market).toBeDefined();
  const id = market?.id ?? 0;
  await patchMarket(request, id, { status: "NEW", notes: null });

  const watcherContext = await browser.newContext();
  const editorContext = await browser.newContext();
  try {
    const list = await watcherContext.newPage();
    await list.goto("/unmapped?status=&sort=occurrenceCount&order=asc&pageSize=200");
    await waitLive(list);
    const row = list.locator(`tbody tr[data-market-id="${id}"]`);
    await expect(row.locator("[data-column='status']")).toHaveText(/^New/);
    const detail = await watcherContext.newPage();
    await detail.goto(`/unmapped/${id}`);
    await waitLive(detail);

    const editor = await editorContext.newPage();
    await editor.goto(`/unmapped/${id}`);
    await waitLive(editor);
    await editor.getByRole("group", { name: "Status" }).getByRole("button", { name: "Ignored" }).click();
    await expect(editor.getByText("Saved", { exact: true })).toBeVisible();
    await editor.getByLabel("Notes").fill("Checked by the other desk");
    await editor.getByRole("button", { name: "Save notes" }).click();
    await expect(editor.getByRole("button", { name: "Save notes" })).toBeDisabled();

    // No reload in the watcher's tabs.
    await expect(row.locator("[data-column='status']")).toHaveText(/^Ignored/);
    await expect(detail.getByRole("group", { name: "Status" }).getByRole("button", { name: "Ignored" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(detail.getByLabel("Notes")).toHaveValue("Checked by the other desk");
    await expect(detail.getByRole("list", { name: "Activity" })).toContainText("Checked by the other desk");
  } finally {
    await watcherContext.close();
    await editorContext.close();
    await patchMarket(request, id, { status: "NEW", notes: null });
  }
});
