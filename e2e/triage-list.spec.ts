// Team triage on the list: assign to me and the "Assigned to me" tab, a bulk change of a
// shift-click range undone from its toast, a snooze that a scrape ends (the toast says why), and
// a shared view that another person sees.
import type { APIRequestContext } from "@playwright/test";
import { userSchema } from "../lib/contract/auth";
import { SIGNED_OUT } from "./auth-env";
import { ensureMarkets, expect, getMarket, listMarkets, marketRows, patchMarket, scrape, snap, test, waitLive } from "./support";

const PASSWORD = "a long e2e password";
const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test.beforeAll(async ({ request }) => ensureMarkets(request));

/** Sets markets back to New and unassigned, so each test starts from a known state. */
async function resetMarkets(request: APIRequestContext, ids: number[]) {
  for (const id of ids) {
    const res = await request.patch(`/api/unmapped/${id}`, { data: { status: "NEW", assigneeId: null } });
    expect(res.ok(), await res.text()).toBe(true);
  }
}

test("assign to me with e, then the Assigned to me tab shows it with its count", async ({ page, request }, testInfo) => {
  await page.goto("/unmapped?status=&sort=occurrenceCount&order=asc");
  await waitLive(page);
  const id = Number(await marketRows(page).first().getAttribute("data-market-id"));
  await resetMarkets(request, [id]);
  const before = (await listMarkets(request, { assignee: "me", pageSize: 1 })).total;

  await page.keyboard.press("j");
  await page.keyboard.press("e");
  await expect(page.getByText(/assigned to you/).first()).toBeVisible();
  await expect.poll(async () => (await getMarket(request, id)).assignee?.name).toBeTruthy();
  await expect(page.locator(`tbody tr[data-market-id="${id}"] td[data-column="assignee"]`)).not.toHaveText("—");

  const mine = page.getByRole("navigation", { name: "Status and views" }).locator('[data-tab="MINE"]');
  await expect(mine).toContainText(String(before + 1));
  await mine.click();
  await expect(page).toHaveURL(/assignee=me/);
  await expect(page.locator(`tbody tr[data-market-id="${id}"]`)).toHaveCount(1);
  await expect(mine).toHaveAttribute("aria-current", "page");
  await snap(page, testInfo, "triage-list-assigned-to-me");
  await resetMarkets(request, [id]);
});

test("bulk-ignore a shift-click range, then Undo from the toast puts every row back", async ({ page, request }, testInfo) => {
  await page.goto("/unmapped?status=&sort=occurrenceCount&order=asc");
  await waitLive(page);
  const ids = await Promise.all([0, 1, 2].map(async (i) => Number(await marketRows(page).nth(i).getAttribute("data-market-id"))));
  await resetMarkets(request, ids);
  await expect
    .poll(async () => (await Promise.all(ids.map((id) => getMarket(request, id)))).map((m) => m.status))
    .toEqual(["NEW", "NEW", "NEW"]);

  await marketRows(page).nth(0).getByRole("checkbox").click();
  await marketRows(page)
    .nth(2)
    .getByRole("checkbox")
    .click({ modifiers: ["Shift"] });
  await expect(page.locator("tbody tr[data-checked]")).toHaveCount(3);
  const bar = page.getByTestId("bulk-bar");
  await expect(bar).toContainText("3 markets selected");
  await snap(page, testInfo, "triage-list-bulk-bar");

  await bar.getByLabel("Set status").selectOption("IGNORED");
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "3 markets ignored" });
  await expect(toast).toBeVisible();
  await expect
    .poll(async () => (await Promise.all(ids.map((id) => getMarket(request, id)))).map((m) => m.status))
    .toEqual(["IGNORED", "IGNORED", "IGNORED"]);

  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Undone: 3 markets ignored" })).toContainText("3 markets restored");
  await expect
    .poll(async () => (await Promise.all(ids.map((id) => getMarket(request, id)))).map((m) => m.status))
    .toEqual(["NEW", "NEW", "NEW"]);
  for (const id of ids) await expect(page.locator(`tbody tr[data-market-id="${id}"] td[data-column="status"]`)).toContainText("New");
});

test("snooze until 1 more sighting: the next scrape reopens it and the toast says why", async ({ page, request }) => {
  // A market the latest run sighted is sighted again by the next one (the demo feed repeats its markets).
  const run = await scrape(request);
  const { items } = await listMarkets(request, { status: "NEW", sort: "occurrenceCount", order: "desc", pageSize: 30 });
  const details = await Promise.all(items.filter((i) => !/[<>]/.test(i.marketName)).map((i) => getMarket(request, i.id)));
  const market = details.find((d) => d.impact?.runId === run.id);
  expect(market, "a market sighted in the latest run").toBeDefined();

  await page.goto(`/unmapped?status=&q=${encodeURIComponent(market!.externalMarketId)}`);
  await waitLive(page);
  const row = page.locator(`tbody tr[data-market-id="${market!.id}"]`);
  await row.getByRole("checkbox").click();
  await page.keyboard.press("s");
  const dialog = page.getByRole("dialog", { name: "Ignore until…" });
  await dialog.getByLabel("More sightings").fill("1");
  await dialog.getByRole("button", { name: "Snooze for these sightings" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "ignored until 1 more sighting" })).toBeVisible();
  await expect.poll(async () => (await getMarket(request, market!.id)).snooze?.sightings).toBe(1);
  await expect(row.locator("[data-snoozed]")).toHaveCount(1);

  await scrape(request);
  await expect.poll(async () => (await getMarket(request, market!.id)).status).toBe("NEW");
  const alert = page.locator("[data-sonner-toast]").filter({ hasText: market!.marketName });
  await expect(alert.locator('[data-cause="unsnoozed"]')).toHaveText(/snooze ended/);
  await patchMarket(request, market!.id, { status: "NEW" });
});

test("a shared view the admin saves appears, with its count, for a second person", async ({ page, request, browser }, testInfo) => {
  await page.goto("/unmapped?status=&escalating=true");
  await waitLive(page);
  const name = `Escalating ${unique()}`;
  await page.getByRole("button", { name: "Save view" }).click();
  const form = page.getByRole("dialog", { name: "Save this view" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Shared: everyone sees this view").check();
  await form.getByRole("button", { name: "Save view" }).click();
  const tab = page.getByRole("link", { name: new RegExp(name) });
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveURL(/view=\d+/);

  const email = `triager-${unique()}@e2e.test`;
  const created = await request.post("/api/users", { data: { name: "E2E second triager", email, role: "triager", password: PASSWORD } });
  expect(created.status(), await created.text()).toBe(201);
  userSchema.parse(await created.json());
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  try {
    const other = await context.newPage();
    await other.goto("/sign-in");
    await expect(other.getByRole("form", { name: "Sign in" })).toHaveAttribute("data-hydrated", "true");
    await other.getByLabel("Email").fill(email);
    await other.getByLabel("Password").fill(PASSWORD);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other).toHaveURL(/\/unmapped/);
    await waitLive(other);
    const shared = other.getByRole("link", { name: new RegExp(name) });
    await expect(shared).toBeVisible();
    const { total } = await listMarkets(request, { escalating: "true" });
    await expect(shared).toContainText(String(total));
    await shared.click();
    await expect(other).toHaveURL(/escalating=true/);
    await expect(other.getByRole("button", { name: "Delete view" }), "only the owner and admins change a shared view").toHaveCount(0);
    await snap(other, testInfo, "triage-list-shared-view");
  } finally {
    await context.close();
  }
});
