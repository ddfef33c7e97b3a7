// /settings/alert-rules in the browser: an admin adds a rule with the form (a pattern, a toast, a
// throttle), sees it in the table, edits it, finds it on the dashboard's alert rules card as never
// fired, and deletes it.
import { expect, expectAccessible, snap, test, waitLive } from "./support";

test("alert rules: add with the form, edit, shown on the dashboard as never fired, delete", async ({ page }, testInfo) => {
  await page.goto("/settings/alert-rules");
  await waitLive(page);
  // The default rule is there from the start.
  await expect(page.locator('tr[data-rule-name="Every new or reopened market"]')).toBeVisible();

  const form = page.getByRole("form", { name: "Add a rule" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill("Corner markets");
  await form.getByLabel("SportyBet").check();
  await form.getByLabel("Name or id pattern").fill("*corner*");
  await form.getByLabel("Throttle (minutes)").fill("15");
  await expect(form.getByLabel("Toast in the app")).toBeChecked();
  await form.getByRole("button", { name: "Add rule" }).click();

  const row = page.locator('tr[data-rule-name="Corner markets"]');
  await expect(row).toBeVisible();
  await expect(row).toContainText("SportyBet · name or id *corner*");
  await expect(row).toContainText("Toast");
  await expect(row).toContainText("15 min");
  await expect(row).toContainText("never");
  await snap(page, testInfo, "settings-alert-rules");
  await expectAccessible(page, testInfo, "settings-alert-rules");

  // No action at all is refused beside the actions, before anything is sent.
  await form.getByRole("textbox", { name: "Name", exact: true }).fill("Nothing");
  await form.getByLabel("Toast in the app").uncheck();
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByText("Choose at least one action")).toBeVisible();

  await row.getByRole("button", { name: "Edit Corner markets" }).click();
  const edit = page.getByRole("form", { name: "Edit the rule" });
  await expect(edit.getByLabel("Name or id pattern")).toHaveValue("*corner*");
  await edit.getByRole("textbox", { name: "Name", exact: true }).fill("Corner and card markets");
  await edit.getByLabel("Name or id pattern").fill("*c?rner*");
  await edit.getByLabel("Throttle (minutes)").fill("30");
  await edit.getByRole("button", { name: "Save" }).click();
  const edited = page.locator('tr[data-rule-name="Corner and card markets"]');
  await expect(edited).toContainText("name or id *c?rner*");
  await expect(edited).toContainText("30 min");
  await expect(page.getByRole("form", { name: "Add a rule" })).toBeVisible();

  await page.goto("/dashboard");
  await waitLive(page);
  const card = page.getByRole("region", { name: "Alert rules", exact: true });
  const item = card.locator('li[data-rule-name="Corner and card markets"]');
  await expect(item).toContainText("Last fired: never");
  await card.getByRole("link", { name: "Manage rules" }).click();
  await expect(page).toHaveURL(/\/settings\/alert-rules$/);
  await waitLive(page);

  await edited.getByRole("button", { name: "Delete Corner and card markets" }).click();
  await page.getByRole("dialog", { name: "Delete the rule Corner and card markets?" }).getByRole("button", { name: "Delete" }).click();
  await expect(edited).toHaveCount(0);
  await expect(page.locator('tr[data-rule-name="Every new or reopened market"]')).toBeVisible();
});
