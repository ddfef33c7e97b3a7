// The market page's team triage: comments (hostile markup stays text), editing and deleting one's
// own comment, assigning to oneself with Undo and seeing it in the activity timeline, the trend chart,
// and a live alert toast that leaves the page's cards uncovered.
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { principalSchema } from "../lib/contract/auth";
import { SIGNED_OUT } from "./auth-env";
import { commentListSchema } from "../lib/contract/comments";
import { trendSchema } from "../lib/contract/unmapped";
import {
  ensureMarkets,
  expect,
  expectAccessible,
  listMarkets,
  newMarketsAlert,
  patchMarket,
  relaySocket,
  scrape,
  snap,
  test,
  waitLive,
} from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

/** A market with a plain name (the hostile ones are security.spec's), reset to New and nobody's. */
async function plainMarket(request: APIRequestContext, index: number) {
  const { items } = await listMarkets(request, {
    status: "NEW,ACKNOWLEDGED,IGNORED",
    sort: "occurrenceCount",
    order: "desc",
    pageSize: 50,
  });
  const market = items.filter((i) => !/[<>]/.test(i.marketName))[index];
  expect(market).toBeDefined();
  const res = await request.patch(`/api/unmapped/${market.id}`, { data: { status: "NEW", assigneeId: null, snooze: null } });
  expect(res.ok(), await res.text()).toBe(true);
  return market;
}

const activity = (page: Page) => page.getByRole("list", { name: "Activity" });

test("a comment with markup is shown as text, keeps its line breaks and runs nothing", async ({ page, request }, testInfo) => {
  const market = await plainMarket(request, 0);
  const body = "<img src=x onerror=alert(1)><b>bold</b>\nsecond line";
  await page.goto(`/unmapped/${market.id}#comment`);
  await waitLive(page);
  const box = page.getByLabel("Add a comment");
  await expect(box).toBeFocused();
  await box.fill(body);
  await box.press("Control+Enter");
  await expect(box).toHaveValue("");

  const comment = activity(page)
    .getByRole("listitem")
    .filter({ has: page.locator("[data-comment-body]", { hasText: "second line" }) });
  const shown = comment.locator("[data-comment-body]").first();
  await expect(shown).toHaveText(body);
  await expect(shown.locator("img, b")).toHaveCount(0);
  await expect(shown).toHaveCSS("white-space", "pre-wrap");
  const stored = commentListSchema.parse(await (await request.get(`/api/unmapped/${market.id}/comments`)).json());
  expect(stored.items.map((c) => c.body)).toContain(body);
  await expectAccessible(page, testInfo, "triage-detail-comment");
  await snap(page, testInfo, "triage-detail-comment");
});

test("one's own comment can be edited and deleted", async ({ page, request }, testInfo) => {
  const market = await plainMarket(request, 1);
  await page.goto(`/unmapped/${market.id}`);
  await waitLive(page);
  const text = `Looks like a player prop ${Date.now()}`;
  await page.getByLabel("Add a comment").fill(text);
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const added = activity(page).getByRole("listitem").filter({ hasText: text });
  await expect(added).toHaveCount(1);
  // By its id from here: while edited, its text is in a text box, not in the item's text.
  const comment = activity(page).locator(`li[data-comment-id="${await added.getAttribute("data-comment-id")}"]`);

  await comment.getByRole("button", { name: "Edit" }).click();
  await comment.getByLabel("Edit comment").fill(`${text} (confirmed)`);
  await comment.getByRole("button", { name: "Save" }).click();
  await expect(comment.locator("[data-comment-body]")).toHaveText(`${text} (confirmed)`);
  await expect(comment).toContainText("edited");
  await snap(page, testInfo, "triage-detail-comment-edited");

  await comment.getByRole("button", { name: "Delete" }).click();
  await comment.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(comment).toHaveCount(0);
  const stored = commentListSchema.parse(await (await request.get(`/api/unmapped/${market.id}/comments`)).json());
  expect(stored.items.some((c) => c.body.startsWith(text))).toBe(false);
});

test("assign to me from the market page, see it in the timeline, undo it from the toast", async ({ page, request }, testInfo) => {
  const market = await plainMarket(request, 2);
  const me = principalSchema.parse(await (await page.request.get("/api/me")).json());
  await page.goto(`/unmapped/${market.id}`);
  await waitLive(page);

  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByLabel("Assignee")).toHaveValue(me.userId);
  await expect(activity(page).locator('[data-action="assignee_changed"]').first()).toContainText(`Assigned to ${me.name}`);
  // Assigning a New market acknowledges it.
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: "Acknowledged" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Assigned to me" });
  await expect(toast).toBeVisible();
  await snap(page, testInfo, "triage-detail-assigned");

  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByLabel("Assignee")).toHaveValue("__nobody");
  await expect(page.getByRole("button", { name: "Assign to me" })).toBeVisible();
  await patchMarket(request, market.id, { status: "NEW" });
});

test("the trend chart draws a bar per run and says what it shows", async ({ page, request }, testInfo) => {
  // A run of its own, so the market has a sighting in the latest run whatever ran before.
  await scrape(request);
  const market = await plainMarket(request, 0);
  const trend = trendSchema.parse(await (await request.get(`/api/unmapped/${market.id}/trend?runs=30`)).json());
  expect(trend.runs.length).toBeGreaterThan(0);
  await page.goto(`/unmapped/${market.id}`);
  await waitLive(page);

  const card = page.getByRole("region", { name: "Sightings per run" });
  const chart = card.getByRole("img", { name: "Sightings per run" });
  await expect(chart).toBeVisible();
  await expect(chart.locator("rect[data-run]")).toHaveCount(trend.runs.length);
  const latest = trend.runs[trend.runs.length - 1];
  expect(latest.sightings).toBeGreaterThan(0);
  await expect(chart.locator(`rect[data-run="${latest.runId}"]`)).toHaveAttribute("data-sightings", String(latest.sightings));
  await expect(card).toContainText(`latest run #${latest.runId}`);
  await expectAccessible(page, testInfo, "triage-detail-trend");
  await snap(page, testInfo, "triage-detail-trend");
});

test("a viewer reads the comments, owner and snooze but gets no control to change them", async ({ browser, request }, testInfo) => {
  const market = await plainMarket(request, 3);
  const note = `Viewer can read this ${Date.now()}`;
  expect((await request.post(`/api/unmapped/${market.id}/comments`, { data: { body: note } })).status()).toBe(201);
  const email = `viewer-${Date.now()}@e2e.test`;
  const password = "a long e2e password";
  expect((await request.post("/api/users", { data: { name: "E2E detail viewer", email, role: "viewer", password } })).status()).toBe(201);
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  try {
    const page = await context.newPage();
    await page.goto(`/unmapped/${market.id}#comment`);
    await expect(page.getByRole("form", { name: "Sign in" })).toHaveAttribute("data-hydrated", "true");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/unmapped/${market.id}`));
    await waitLive(page);
    const comment = activity(page).getByRole("listitem").filter({ hasText: note });
    await expect(comment).toBeVisible();
    await expect(comment.getByRole("button")).toHaveCount(0);
    await expect(page.getByLabel("Add a comment")).toHaveCount(0);
    await expect(page.getByLabel("Assignee")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Assign to me|Ignore until/ })).toHaveCount(0);
    await expect(page.locator('[data-field="assignee"]')).toContainText("Nobody");
    await snap(page, testInfo, "triage-detail-viewer");
  } finally {
    await context.close();
  }
});

/** The area, in px², that `toast` covers of what can be seen of `card` (its box clipped by the scrolling main area). */
async function coveredArea(page: Page, toast: Locator, card: Locator): Promise<number> {
  // Only a settled toast counts: wait out its entrance (a CSS transition) and one more frame.
  await toast.evaluate(async (el) => {
    await Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  const main = await page.locator("#main").boundingBox();
  const [t, c] = [await toast.boundingBox(), await card.boundingBox()];
  if (!main || !t || !c) throw new Error("the toast, the card and the main area all have boxes");
  const overlap = (a: number, aw: number, b: number, bw: number) => Math.max(0, Math.min(a + aw, b + bw) - Math.max(a, b));
  const seen = {
    x: Math.max(c.x, main.x),
    y: Math.max(c.y, main.y),
    width: overlap(c.x, c.width, main.x, main.width),
    height: overlap(c.y, c.height, main.y, main.height),
  };
  return overlap(t.x, t.width, seen.x, seen.width) * overlap(t.y, t.height, seen.y, seen.height);
}

for (const width of [1024, 1400]) {
  test(`a live alert toast does not cover the market page's triage card at ${width} px`, async ({ page, request }, testInfo) => {
    const market = await plainMarket(request, 4);
    const { items } = await listMarkets(request, { status: "NEW", sort: "priority", pageSize: 3 });
    const relay = await relaySocket(page);
    await page.setViewportSize({ width, height: 768 });
    await page.goto(`/unmapped/${market.id}`);
    await waitLive(page);
    const triage = page.getByRole("region", { name: "Triage" });
    await expect(triage).toBeVisible();

    relay.emit("unmapped_alert", newMarketsAlert(items));
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: `${items.length} new unmapped markets` });
    await expect(toast).toBeVisible();
    await snap(page, testInfo, `triage-detail-alert-toast-${width}`);
    expect(await coveredArea(page, toast, triage), "the toast covers none of the triage card").toBe(0);
    // Wherever the page is scrolled: the card's foot, then every other card.
    await triage.evaluate((el) => el.scrollIntoView({ block: "end" }));
    expect(await coveredArea(page, toast, triage), "scrolled to its foot").toBe(0);
    for (const card of await page.locator("#main article section.card").all()) {
      await card.evaluate((el) => el.scrollIntoView({ block: "end" }));
      const name = await card.locator("h2").first().textContent();
      expect(await coveredArea(page, toast, card), `the toast covers none of "${name}"`).toBe(0);
    }
  });
}

test("the market page's keys: e assigns to me, z undoes it, s opens the snooze dialog, c goes to the comment box", async ({
  page,
  request,
}) => {
  const market = await plainMarket(request, 5);
  const me = principalSchema.parse(await (await page.request.get("/api/me")).json());
  await page.goto(`/unmapped/${market.id}`);
  await waitLive(page);
  // Keys act on the page, not on a focused field.
  await page.locator("body").click({ position: { x: 1, y: 1 } });

  await page.keyboard.press("e");
  await expect(page.getByLabel("Assignee")).toHaveValue(me.userId);
  await expect(activity(page).locator('[data-action="assignee_changed"]').first()).toContainText(`Assigned to ${me.name}`);

  await page.keyboard.press("z");
  await expect(page.getByLabel("Assignee")).toHaveValue("__nobody");
  const stored = await (await request.get(`/api/unmapped/${market.id}`)).json();
  expect(stored.assignee).toBeNull();

  await page.keyboard.press("s");
  const dialog = page.getByRole("dialog", { name: "Ignore until…" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.keyboard.press("c");
  await expect(page.getByLabel("Add a comment")).toBeFocused();
});
