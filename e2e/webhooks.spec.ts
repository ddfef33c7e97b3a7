// /settings/webhooks in the browser against a real receiver (a local server verifying with the
// standardwebhooks library): add an endpoint (its secret shown once), send a test event and see
// it delivered, redeliver it, see a failing endpoint flagged, rotate the secret, delete it.
import { startWebhookReceiver, type WebhookReceiver } from "../server/testing/webhook-receiver";
import { expect, expectAccessible, expectNoSidewaysScroll, snap, test, waitLive } from "./support";

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => receiver?.close());

test("webhooks: add, test event delivered and redelivered, failing flagged, rotate, delete", async ({ page }, testInfo) => {
  await page.goto("/settings/webhooks");
  await waitLive(page);
  const form = page.getByRole("form", { name: "Add an endpoint" });
  await form.getByLabel("URL").fill(receiver.url);
  await form.getByLabel("Description").fill("e2e receiver");
  await form.getByLabel("scrape.completed").check();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  const secret = page.getByTestId("webhook-secret");
  await expect(secret).toBeVisible();
  receiver.secrets = [(await secret.textContent())!.trim()];
  const row = page.locator(`tr[data-webhook-url="${receiver.url}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator("[data-webhook-state]")).toHaveAttribute("data-webhook-state", "active");
  await snap(page, testInfo, "settings-webhooks-created");
  await expectAccessible(page, testInfo, "settings-webhooks");

  await row.getByRole("button", { name: `Deliveries to ${receiver.url}` }).click();
  const log = page.getByRole("region", { name: `Deliveries to ${receiver.url}` });
  await log.getByRole("button", { name: "Send test event" }).click();
  await expect(log.locator('[data-delivery-status="succeeded"]')).toHaveCount(1);
  expect(receiver.accepted.map((r) => r.body.type)).toEqual(["webhook.test"]);
  expect(receiver.requests.every((r) => r.verified)).toBe(true);
  await log.getByRole("button", { name: /^Redeliver webhook\.test / }).click();
  await expect.poll(() => receiver.requests.length).toBe(2);
  expect(receiver.requests[1].id).toBe(receiver.requests[0].id);

  // The receiver fails: the endpoint is flagged.
  receiver.answer = () => ({ status: 500 });
  await log.getByRole("button", { name: "Send test event" }).click();
  await expect(log.locator('[data-delivery-status="pending"]')).toHaveCount(1);
  await expect.poll(() => receiver.requests.length).toBeGreaterThan(2);
  await page.reload();
  await waitLive(page);
  await expect(row.locator('[data-webhook-state="failing"]')).toBeVisible();
  await snap(page, testInfo, "settings-webhooks-failing");

  // Edit: its events change in place.
  await row.getByRole("button", { name: `Edit ${receiver.url}` }).click();
  const editForm = page.getByRole("form", { name: "Edit the endpoint" });
  await expect(editForm.getByLabel("URL")).toHaveValue(receiver.url);
  await editForm.getByLabel("scrape.failed").check();
  await editForm.getByRole("button", { name: "Save" }).click();
  await expect(row.getByText("unmapped.discovered, scrape.completed, scrape.failed")).toBeVisible();
  await expect(page.getByRole("form", { name: "Add an endpoint" })).toBeVisible();

  // A phone: the rows stack, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 860 });
  await expectNoSidewaysScroll(page, "/settings/webhooks");
  await page.setViewportSize({ width: 1440, height: 900 });

  await row.getByRole("button", { name: `Rotate the secret of ${receiver.url}` }).click();
  await page
    .getByRole("dialog", { name: `Rotate the secret of ${receiver.url}?` })
    .getByRole("button", { name: "Rotate" })
    .click();
  await expect(page.getByTestId("webhook-secret")).toBeVisible();
  expect((await page.getByTestId("webhook-secret").textContent())!.trim()).not.toBe(receiver.secrets[0]);

  await row.getByRole("button", { name: `Delete ${receiver.url}` }).click();
  await page
    .getByRole("dialog", { name: `Delete ${receiver.url}?` })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(row).toHaveCount(0);
});
