// Identity and access through the browser: the first admin on a server where nobody exists,
// signing in and out, what a viewer and a triager may do, and the settings pages (people, tokens).
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { userSchema, type Role } from "../lib/contract/auth";
import { ADMIN_EMAIL, ADMIN_PASSWORD, FIRST_RUN_URL, SIGNED_OUT } from "./auth-env";
import {
  ensureMarkets,
  expect,
  expectAccessible,
  expectNoSidewaysScroll,
  expectPageFits,
  getMarket,
  listMarkets,
  relaySocket,
  snap,
  test,
  waitLive,
} from "./support";

const PASSWORD = "a long e2e password";
const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByRole("form", { name: "Sign in" })).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A fresh browser signed in as a new person with `role`, created by the admin through the API. */
async function personWith(browser: Browser, request: APIRequestContext, role: Role) {
  const email = `${role}-${unique()}@e2e.test`;
  const created = await request.post("/api/users", { data: { name: `E2E ${role}`, email, role, password: PASSWORD } });
  expect(created.status(), await created.text()).toBe(201);
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto("/unmapped");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Funmapped$/);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/unmapped$/);
  await waitLive(page);
  return { page, context, user: userSchema.parse(await created.json()) };
}

test.describe("first run", () => {
  test.use({ baseURL: FIRST_RUN_URL, storageState: SIGNED_OUT });

  test("with nobody yet, every page leads to creating the admin, who is then signed in", async ({ page }, testInfo) => {
    await page.goto("/mappings");
    await expect(page).toHaveURL(`${FIRST_RUN_URL}/setup`);
    await expect(page.getByRole("heading", { name: "Create the admin account" })).toBeVisible();
    await page.goto("/sign-in");
    await expect(page).toHaveURL(`${FIRST_RUN_URL}/setup`);
    await expect(page.getByRole("form", { name: "Create the admin account" })).toHaveAttribute("data-hydrated", "true");
    // The only moment this page exists: it fits a phone and a small laptop (e2e/responsive.spec.ts checks the others).
    const viewport = page.viewportSize();
    for (const width of [390, 1024]) {
      await page.setViewportSize({ width, height: 860 });
      await expectPageFits(page, "h1", "/setup");
    }
    if (viewport) await page.setViewportSize(viewport);

    await page.getByLabel("Name").fill("First Admin");
    await page.getByLabel("Email").fill("first@e2e.test");
    await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill("something else entirely");
    await page.getByRole("button", { name: "Create the admin account" }).click();
    await expect(page.getByText("The two passwords differ")).toBeVisible();
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await snap(page, testInfo, "first-run");
    await page.getByRole("button", { name: "Create the admin account" }).click();

    await expect(page).toHaveURL(`${FIRST_RUN_URL}/unmapped`);
    await page.getByRole("button", { name: "Account: First Admin" }).click();
    await expect(page.getByTestId("user-menu")).toContainText("Admin");
    await expect(page.getByTestId("user-menu").getByRole("link", { name: "People" })).toBeVisible();
    expect(await (await page.request.get("/api/setup")).json()).toEqual({ needsAdmin: false });
    // Done once: the first-run page now sends people on.
    await page.goto("/setup");
    await expect(page).toHaveURL(`${FIRST_RUN_URL}/unmapped`);
  });
});

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("sign-in says when the password is wrong, then returns to the page asked for", async ({ page }, testInfo) => {
    const res = await page.goto("/unmapped?status=IGNORED");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Funmapped%3Fstatus%3DIGNORED$/);
    // No page of the app was rendered for nobody.
    expect(await res?.text()).not.toContain("Unmapped markets</h1>");
    await signIn(page, ADMIN_EMAIL, "not the password at all");
    await expect(page.getByRole("alert").filter({ hasText: "Not signed in." })).toContainText("Wrong email or password.");
    await snap(page, testInfo, "sign-in-wrong-password");
    await expectAccessible(page, testInfo, "sign-in");
    await expect(page.getByLabel("Password")).toHaveValue("");
    await page.getByLabel("Password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/unmapped\?status=IGNORED$/);
    await waitLive(page);
  });

  test("a link to another site in ?next= is not followed", async ({ page }) => {
    await page.goto("/sign-in?next=//attacker.example/x");
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/unmapped$/);
  });
});

test("a viewer sees no edit controls, and the API refuses a forced change (403)", async ({ browser, request }, testInfo) => {
  const { page, context } = await personWith(browser, request, "viewer");
  await ensureMarkets(request);
  const [market] = (await listMarkets(request, { status: "NEW", pageSize: 1 })).items;
  expect(market).toBeDefined();

  await expect(page.getByRole("button", { name: "Scrape now" })).toHaveCount(0);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Acknowledge / })).toHaveCount(0);
  await page.goto(`/unmapped/${market!.id}`);
  await waitLive(page);
  await expect(page.getByText("You can read this market; a triager or an admin changes it.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Status" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save notes" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Map this market" })).toHaveCount(0);
  // The shortcut that acknowledges does nothing for a viewer.
  await page.keyboard.press("a");
  await snap(page, testInfo, "viewer-detail");
  await page.goto("/mappings");
  await expect(page.getByRole("heading", { name: "Mappings" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New mapping" })).toHaveCount(0);

  const forced = await page.request.patch(`/api/unmapped/${market!.id}`, {
    data: { status: "ACKNOWLEDGED" },
    // As the page's own script would send it, so only the role decides.
    headers: { origin: new URL(page.url()).origin },
  });
  expect(forced.status(), await forced.text()).toBe(403);
  expect((await getMarket(request, market!.id)).status).toBe("NEW");
  await context.close();
});

test("a triager triages a market, and has no Scrape now", async ({ browser, request }) => {
  const { page, context } = await personWith(browser, request, "triager");
  await ensureMarkets(request);
  const [market] = (await listMarkets(request, { status: "NEW", pageSize: 1 })).items;
  await expect(page.getByRole("button", { name: "Scrape now" })).toHaveCount(0);
  await page.goto(`/unmapped/${market!.id}`);
  await waitLive(page);
  const status = page.getByRole("group", { name: "Status" });
  await status.getByRole("button", { name: "Acknowledged" }).click();
  await expect(status.getByRole("button", { name: "Acknowledged" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await getMarket(request, market!.id)).status).toBe("ACKNOWLEDGED");
  await context.close();
});

test("signing out returns to sign-in, and the API then answers 401", async ({ browser, request }) => {
  const { page, context, user } = await personWith(browser, request, "viewer");
  await page.getByRole("button", { name: `Account: ${user.name}` }).click();
  await page.getByTestId("user-menu").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get("/api/unmapped?pageSize=1")).status()).toBe(401);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard$/);
  await context.close();
});

test("a person disabled meanwhile is sent to sign-in at once (the server closes their socket)", async ({ browser, request }) => {
  const { page, context, user } = await personWith(browser, request, "viewer");
  const disabled = await request.patch(`/api/users/${user.id}`, { data: { disabled: true } });
  expect(disabled.status(), await disabled.text()).toBe(200);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Funmapped$/);
  await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await context.close();
});

test("a client navigation after the session ended lands on sign-in without the app shell", async ({ browser, request }) => {
  const { page, context, user } = await personWith(browser, request, "viewer");
  // Keep the socket from telling the page first: the navigation is what finds out.
  const relay = await relaySocket(page);
  await page.reload();
  await waitLive(page);
  relay.cut();
  const disabled = await request.patch(`/api/users/${user.id}`, { data: { disabled: true } });
  expect(disabled.status(), await disabled.text()).toBe(200);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard$/);
  await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await context.close();
});

test("people: the admin invites someone, who can then sign in", async ({ page, browser }, testInfo) => {
  const email = `invited-${unique()}@e2e.test`;
  await page.goto("/settings/users");
  await waitLive(page);
  const invite = page.getByRole("form", { name: "Invite a person" });
  await invite.getByLabel("Name").fill("Invited Person");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("triager");
  await invite.getByLabel("Temporary password").fill(PASSWORD);
  await invite.getByRole("button", { name: "Invite" }).click();
  const row = page.locator(`tr[data-email="${email}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByRole("combobox", { name: "Role of Invited Person" })).toHaveValue("triager");
  await snap(page, testInfo, "settings-users");
  await expectAccessible(page, testInfo, "settings-users");

  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const invited = await context.newPage();
  await invited.goto("/sign-in");
  await signIn(invited, email, PASSWORD);
  await expect(invited).toHaveURL(/\/unmapped$/);
  await context.close();
});

test("tokens: one is created and its secret shown once, then revoked", async ({ page, playwright, baseURL }, testInfo) => {
  const name = `e2e token ${unique()}`;
  await page.goto("/settings/tokens");
  await waitLive(page);
  const form = page.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Create token" }).click();
  const secret = page.getByTestId("token-secret");
  await expect(secret).toBeVisible();
  await expect(page.getByText("it is not shown again")).toBeVisible();
  const token = (await secret.textContent())!.trim();
  await snap(page, testInfo, "settings-tokens-created");
  await expectAccessible(page, testInfo, "settings-tokens");

  const tool = await playwright.request.newContext({
    baseURL,
    storageState: SIGNED_OUT,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  expect((await tool.get("/api/unmapped?pageSize=1")).status()).toBe(200);

  await page.reload();
  await waitLive(page);
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  const row = page.locator(`tr[data-token-name="${name}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page
    .getByRole("dialog", { name: `Revoke ${name}?` })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(row).toHaveCount(0);
  expect((await tool.get("/api/unmapped?pageSize=1")).status()).toBe(401);
  await tool.dispose();
});

test("sign-in and the settings pages fit a phone (390 px) without sideways scroll", async ({ page, browser }) => {
  await page.setViewportSize({ width: 390, height: 860 });
  for (const path of ["/settings/users", "/settings/tokens"]) {
    await page.goto(path);
    await waitLive(page);
    await expect(page.locator("tbody tr").first()).toBeVisible();
    await expectNoSidewaysScroll(page, path);
  }
  await page.getByRole("button", { name: /^Account: / }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await expectNoSidewaysScroll(page, "the open account menu");

  const context = await browser.newContext({ storageState: SIGNED_OUT, viewport: { width: 390, height: 860 } });
  const signedOut = await context.newPage();
  await signedOut.goto("/sign-in");
  await expect(signedOut.getByRole("form", { name: "Sign in" })).toHaveAttribute("data-hydrated", "true");
  await expectNoSidewaysScroll(signedOut, "/sign-in");
  await context.close();
});
