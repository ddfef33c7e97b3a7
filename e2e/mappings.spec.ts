// The mappings browser and a mapping's page: search and filters in the URL, overriding a built-in
// mapping and deactivating the override (the built-in entry applies again), editing a user mapping
// with If-Match (412 when someone else saved first), server field errors beside their fields, and
// each change in the mapping's history. Only mappings no scraped market uses are changed.
import type { APIRequestContext, Page } from "@playwright/test";
import { mappingDetailSchema, mappingListSchema, type MappingCreate, type MappingDetail } from "../lib/contract/mappings";
import { expect, expectAccessible, snap, test, waitLive } from "./support";

const rows = (page: Page) => page.locator("tbody tr[data-canonical-id]");
const summary = (page: Page) => page.locator("#mappings-summary");
const history = (page: Page) => page.getByRole("list", { name: "History" });

async function getMapping(request: APIRequestContext, canonicalId: string): Promise<MappingDetail> {
  const res = await request.get(`/api/mappings/${canonicalId}`);
  expect(res.ok(), await res.text()).toBe(true);
  return mappingDetailSchema.parse(await res.json());
}

async function listTotal(request: APIRequestContext, query: string): Promise<number> {
  const res = await request.get(`/api/mappings?${query}&pageSize=1`);
  return mappingListSchema.parse(await res.json()).total;
}

/** A user mapping on a Bet9ja key no market has, so changing it never changes what is scraped. */
async function userMapping(request: APIRequestContext, canonicalId: string): Promise<MappingDetail> {
  const existing = await request.get(`/api/mappings/${canonicalId}`);
  if (existing.ok()) {
    const m = mappingDetailSchema.parse(await existing.json());
    if (m.active) await request.delete(`/api/mappings/${canonicalId}?reason=e2e%20reset`);
  }
  const body: MappingCreate = {
    canonicalId,
    name: "E2E Player Tackles Over/Under",
    betpawaId: "880001",
    bet9jaKey: `S_${canonicalId.toUpperCase().replace(/_/g, "")}`,
    outcomes: [
      { canonicalId: "over", betpawaName: "Over", sportybetDesc: null, bet9jaSuffix: "O", position: 0 },
      { canonicalId: "under", betpawaName: "Under", sportybetDesc: null, bet9jaSuffix: "U", position: 1 },
    ],
    reason: "e2e fixture",
  };
  const res = await request.post("/api/mappings", { data: body });
  expect(res.status(), await res.text()).toBe(201);
  return mappingDetailSchema.parse(await res.json());
}

test("search, filter and page through the mappings; the URL keeps the view", async ({ page, request }, testInfo) => {
  await userMapping(request, "e2e_browse_user");
  const active = await listTotal(request, "active=true");
  await page.goto("/mappings");
  await waitLive(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mappings");
  await expect(summary(page)).toHaveText(`1–50 of ${active}`);
  await expectAccessible(page, testInfo, "mappings");
  await snap(page, testInfo, "mappings");

  // Search is debounced and matches names, canonical ids and platform ids.
  await page.getByRole("searchbox", { name: /Search/ }).fill("correct score");
  await expect(page).toHaveURL(/q=correct\+score/);
  const scores = await listTotal(request, "active=true&q=correct%20score");
  await expect(summary(page)).toHaveText(`1–${Math.min(50, scores)} of ${scores}`);
  for (const name of await page.locator('tbody tr [data-column="name"] a').allInnerTexts())
    expect(name.toLowerCase()).toContain("correct score");
  await page.getByRole("searchbox", { name: /Search/ }).fill("S_1X2");
  await expect(page).toHaveURL(/q=S_1X2/);
  await expect(rows(page).filter({ hasText: "S_1X2" }).first()).toBeVisible();

  // Origin: the user mapping only.
  await page.getByRole("searchbox", { name: /Search/ }).fill("");
  await page.getByLabel("Origin").selectOption("user");
  await expect(page).toHaveURL(/origin=user/);
  await expect(page.locator('tr[data-canonical-id="e2e_browse_user"]')).toBeVisible();
  for (const origin of await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-origin")))) expect(origin).toBe("user");

  // Platform: only mappings with a Bet9ja key; status: overridden or deactivated.
  await page.getByLabel("Origin").selectOption("");
  await page.getByLabel("Has an id on").selectOption("bet9ja");
  await expect(page).toHaveURL(/platform=bet9ja/);
  await expect(summary(page)).toHaveText(new RegExp(`of ${await listTotal(request, "active=true&platform=bet9ja")}$`));
  // Every row has a Bet9ja key (column 6).
  await expect(rows(page).locator("td:nth-child(6) .mono")).toHaveCount(await rows(page).count());
  await page.getByLabel("Status").selectOption("false");
  await expect(page).toHaveURL(/active=false/);
  const inactive = await listTotal(request, "active=false&platform=bet9ja");
  if (inactive === 0) await expect(page.getByRole("heading", { name: "No mappings match these filters" })).toBeVisible();
  else await expect(summary(page)).toHaveText(new RegExp(`of ${inactive}$`));

  // Pages, and the back button restores the previous view.
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/mappings$/);
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(summary(page)).toHaveText(`51–${Math.min(100, active)} of ${active}`);
  await page.reload();
  await expect(summary(page)).toHaveText(`51–${Math.min(100, active)} of ${active}`);
  await page.goBack();
  await expect(page).toHaveURL(/\/mappings$/);
  await expect(summary(page)).toHaveText(`1–50 of ${active}`);

  // A row opens the mapping.
  await rows(page).filter({ hasText: "1X2 - Full Time" }).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/mappings\/1x2_ft$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("1X2 - Full Time");
});

test("override a built-in mapping, see it in the history, deactivate it and the built-in entry applies again", async ({
  page,
  request,
}, testInfo) => {
  // A built-in entry the demo feed never offers on SportyBet or Bet9ja lines the other specs use;
  // only its name changes, so lookups behave the same throughout.
  const canonicalId = "1x2_10min";
  const builtin = await getMapping(request, canonicalId);
  if (builtin.origin === "user") await request.delete(`/api/mappings/${canonicalId}?reason=e2e%20reset`);
  const original = (await getMapping(request, canonicalId)).name;

  await page.goto(`/mappings/${canonicalId}`);
  await waitLive(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(original);
  await expect(page.locator("article > header")).toContainText("Built-in");
  await page.getByRole("button", { name: "Edit (creates an override)" }).click();
  const form = page.getByRole("form", { name: `Edit ${original}` });
  await expect(form).toContainText("Saving creates a user override with the same canonical id");
  await form.getByLabel(/^Name/).fill(`${original} (traders' name)`);
  await form.getByRole("button", { name: "Create override" }).click();
  // The reason is required.
  await expect(form.getByLabel("Reason for the change")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Reason for the change").fill("Traders call it by this name");
  await form.getByRole("button", { name: "Create override" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${original} (traders' name)`);
  await expect(page.locator("article > header")).toContainText("User");
  await expect(page.locator("article > header")).toContainText("Overrides the built-in entry with this id");
  await expect(page.getByRole("region", { name: "Built-in entry it overrides" })).toBeVisible();
  const entry = history(page).getByRole("listitem").first();
  await expect(entry).toContainText("Built-in entry overridden by a user mapping");
  await expect(entry).toContainText(`Name: ${original} →`);
  await expect(entry.locator("[data-history-value]").nth(1)).toHaveText(`${original} (traders' name)`);
  await expect(entry).toContainText("Traders call it by this name");
  const saved = await getMapping(request, canonicalId);
  expect(saved.origin).toBe("user");
  expect(saved.builtin?.name).toBe(original);
  await expectAccessible(page, testInfo, "mapping-override");
  await snap(page, testInfo, "mapping-override");

  // The list shows the override as active and the built-in entry as overridden.
  await page.goto(`/mappings?q=${canonicalId}&active=all`);
  await expect(page.locator(`tr[data-canonical-id="${canonicalId}"][data-origin="user"]`)).toContainText("Active");
  await expect(page.locator(`tr[data-canonical-id="${canonicalId}"][data-origin="builtin"]`)).toContainText("Overridden");

  // Deactivate the override: confirm with a reason; the built-in entry applies again.
  await page.goto(`/mappings/${canonicalId}`);
  await waitLive(page);
  await page.getByRole("button", { name: "Deactivate override…" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate the override?" });
  await expect(dialog).toContainText("goes back to the built-in entry");
  await dialog.getByRole("button", { name: "Deactivate override" }).click();
  await expect(dialog.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Reason").fill("Back to the catalog name");
  await expectAccessible(page, testInfo, "mapping-deactivate-dialog");
  await snap(page, testInfo, "mapping-deactivate-dialog");
  await dialog.getByRole("button", { name: "Deactivate override" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(original);
  await expect(page.locator("article > header")).toContainText("Built-in");
  await expect(page.getByText("The built-in entry applies: the user override of this mapping")).toBeVisible();
  const latest = history(page).getByRole("listitem").first();
  await expect(latest).toContainText("User mapping deactivated");
  await expect(latest).toContainText("The built-in entry applies again");
  await expect(latest).toContainText("Back to the catalog name");
  const after = await getMapping(request, canonicalId);
  expect(after.origin).toBe("builtin");
  expect(after.name).toBe(original);
});

test("edit a user mapping: If-Match, a server field error beside its field, then deactivate it", async ({ page, request }, testInfo) => {
  const created = await userMapping(request, "e2e_edit_user");
  await page.goto(`/mappings/${created.canonicalId}`);
  await waitLive(page);
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const form = page.getByRole("form", { name: `Edit ${created.name}` });

  // Change an outcome's betpawa name and add an outcome.
  await form.getByLabel("Row 1 betpawa name").fill("Over (tackles)");
  await form.getByRole("button", { name: "+ Add outcome" }).click();
  await form.getByLabel("Row 3 canonical outcome id").fill("Exactly 3");
  await form.getByLabel("Reason for the change").fill("Added the exact line");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByLabel("Row 3 canonical outcome id")).toHaveAccessibleDescription(/lower-case letters, digits and _ only/);
  await form.getByLabel("Row 3 canonical outcome id").fill("exactly_3");
  await form.getByLabel("Row 3 betpawa name").fill("Exactly 3");
  await form.getByLabel("Row 3 Bet9ja suffix").fill("E3");

  // Someone else saves first: 412, nothing overwritten; reload keeps the draft and saving then works.
  const other = await request.patch(`/api/mappings/${created.canonicalId}`, { data: { betpawaId: "880002", reason: "another tab" } });
  expect(other.ok()).toBe(true);
  await form.getByRole("button", { name: "Save changes" }).click();
  const stale = page.getByRole("alert").filter({ hasText: "Not saved: this mapping changed since you started editing" });
  await expect(stale).toBeVisible();
  expect((await getMapping(request, created.canonicalId)).outcomes).toHaveLength(2);
  await snap(page, testInfo, "mapping-edit-conflict");
  await stale.getByRole("button", { name: "Reload mapping" }).click();
  // Their betpawa id is merged into the form (this user did not touch it); the outcomes stay ours.
  await expect(form.getByText(/Someone else saved this mapping meanwhile \(now version 2\).*Your own edits are kept/)).toBeVisible();
  await expect(form.getByLabel("betpawa market id")).toHaveValue("880002");
  await expect(form.getByLabel("Row 3 canonical outcome id")).toHaveValue("exactly_3");
  await expect(history(page).getByRole("listitem").first()).toContainText("another tab");

  // A platform id that belongs to another mapping: the server's 409 shows beside that field.
  await form.getByLabel("SportyBet market id").fill("1");
  await form.getByRole("button", { name: "Save changes" }).click();
  const sportybet = form.getByLabel("SportyBet market id");
  await expect(sportybet).toHaveAttribute("aria-invalid", "true");
  await expect(sportybet).toHaveAccessibleDescription(/already mapped by 1x2_ft/);
  await expect(form.getByRole("link", { name: "Open 1x2_ft" })).toBeVisible();
  await expectAccessible(page, testInfo, "mapping-edit-error");
  await snap(page, testInfo, "mapping-edit-error");

  await form.getByLabel("SportyBet market id").fill("");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form).toBeHidden();
  const outcomes = page.getByRole("table", { name: `Outcomes of ${created.name}` });
  await expect(outcomes.getByRole("row")).toHaveCount(4);
  await expect(outcomes).toContainText("Over (tackles)");
  const saved = await getMapping(request, created.canonicalId);
  expect(saved.betpawaId, "their betpawa id is kept").toBe("880002");
  expect(saved.outcomes.map((o) => o.canonicalId)).toEqual(["over", "under", "exactly_3"]);
  await expect(history(page).getByRole("listitem").first()).toContainText("Mapping edited");
  await expect(history(page).getByRole("listitem").first()).toContainText("Outcome exactly_3 added");
  await expect(history(page).getByRole("listitem").first()).toContainText("Added the exact line");

  // Deactivate: no built-in entry has this id, so nothing applies any more.
  await page.getByRole("button", { name: "Deactivate…" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate this mapping?" });
  await dialog.getByLabel("Reason").fill("Fixture no longer needed");
  await dialog.getByRole("button", { name: "Deactivate mapping" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Deactivated.", { exact: true })).toBeVisible();
  await expect(history(page).getByRole("listitem").first()).toContainText("No mapping with this id applies any more");
  expect((await getMapping(request, created.canonicalId)).active).toBe(false);
  await snap(page, testInfo, "mapping-deactivated");
});

test("an unknown or malformed mapping id is a 404 page", async ({ page }) => {
  for (const id of ["no_such_mapping", "Bad-Id"]) {
    const res = await page.goto(`/mappings/${id}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});
