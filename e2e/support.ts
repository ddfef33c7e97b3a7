// Shared by every spec: a `page` that fails the test on any JS dialog (an injected alert()) or
// uncaught page error (hydration mismatches included), API shortcuts for arranging state, axe
// checks, screenshots saved under test-results/screenshots/, and a realtime message injector.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Page, type TestInfo, type WebSocketRoute } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import type { TriageStatus } from "../lib/contract/enums";
import type { ServerMessageData } from "../lib/contract/realtime";
import { scrapeRunSchema, type ScrapeRun } from "../lib/contract/scrape";
import { unmappedDetailSchema, unmappedListSchema, type UnmappedDetail, type UnmappedItem } from "../lib/contract/unmapped";
import { ADMIN_TOKEN_FILE, SIGNED_OUT } from "./auth-env";

interface PageProblems {
  dialogs: string[];
  errors: string[];
}

export const test = base.extend<{ problems: PageProblems }>({
  // API arrangements authenticate as a tool does: the admin token the setup project created, and
  // no session cookie (a cookie write without a browser's Origin is refused as cross-site).
  request: async ({ playwright, baseURL }, provide) => {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: SIGNED_OUT,
      extraHTTPHeaders: { authorization: `Bearer ${fs.readFileSync(ADMIN_TOKEN_FILE, "utf8")}` },
    });
    await provide(request);
    await request.dispose();
  },
  problems: [
    async ({ page }, use) => {
      const problems: PageProblems = { dialogs: [], errors: [] };
      page.on("dialog", (dialog) => {
        problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on("pageerror", (error) => problems.errors.push(error.message));
      await use(problems);
      expect(problems.dialogs, "no JavaScript dialog may open").toEqual([]);
      expect(problems.errors, "no uncaught error in the page").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

// ---------------------------------------------------------------------------------------------
// API arrangements

export async function scrape(request: APIRequestContext): Promise<ScrapeRun> {
  // Another run may be going (409): wait for it, with a limit generous for a busy machine.
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const res = await request.post("/api/scrape?wait=true");
    if (res.status() === 200) return scrapeRunSchema.parse(await res.json());
    expect(res.status(), await res.text()).toBe(409);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("a scrape run never finished");
}

/** At least one scrape has run, so markets exist. */
export async function ensureMarkets(request: APIRequestContext): Promise<void> {
  const res = await request.get("/api/unmapped?pageSize=1");
  if (unmappedListSchema.parse(await res.json()).total === 0) await scrape(request);
}

export async function listMarkets(
  request: APIRequestContext,
  query: Record<string, string | number>,
): Promise<{ items: UnmappedItem[]; total: number }> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await request.get(`/api/unmapped?${params}`);
  expect(res.ok(), await res.text()).toBe(true);
  return unmappedListSchema.parse(await res.json());
}

export async function getMarket(request: APIRequestContext, id: number): Promise<UnmappedDetail> {
  const res = await request.get(`/api/unmapped/${id}`);
  expect(res.ok()).toBe(true);
  return unmappedDetailSchema.parse(await res.json());
}

/** The one market with this external id. */
export async function marketByExternalId(request: APIRequestContext, externalMarketId: string): Promise<UnmappedItem> {
  const { items } = await listMarkets(request, { q: externalMarketId, pageSize: 200 });
  const item = items.find((i) => i.externalMarketId === externalMarketId);
  if (!item) throw new Error(`no market ${externalMarketId}`);
  return item;
}

export async function patchMarket(
  request: APIRequestContext,
  id: number,
  patch: { status?: TriageStatus; notes?: string | null },
): Promise<UnmappedDetail> {
  const res = await request.patch(`/api/unmapped/${id}`, { data: patch });
  expect(res.ok(), await res.text()).toBe(true);
  return unmappedDetailSchema.parse(await res.json());
}

// ---------------------------------------------------------------------------------------------
// Page helpers

/** A full-page screenshot, attached to the report and kept as test-results/screenshots/<name>.png. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = path.join(testInfo.project.outputDir, "screenshots", `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** axe (WCAG 2.1 A/AA and best practices): no serious or critical violation. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: "application/json" });
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${name}`,
  ).toEqual([]);
}

/** Nothing scrolls the page sideways: the document is no wider than the window. */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${label}: page width ${scrollWidth} > viewport ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
}

/**
 * The page open in `page` fits its window: once hydrated, nothing scrolls it sideways, and the
 * first few `names` (market, mapping or people names; a title) are visible, on screen, and get at
 * least 200 px each, or all the room they need when shorter.
 */
export async function expectPageFits(page: Page, names: string, label: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await expect(page.locator("#main [data-hydrated]")).toHaveCount(1);
  const shown = page.locator(names);
  await expect(shown.first()).toBeVisible();
  await expectNoSidewaysScroll(page, `${label} at ${width}px`);
  const count = Math.min(await shown.count(), 5);
  for (let i = 0; i < count; i++) {
    // The room a name gets on screen: its own box, clipped by the cell or container holding it.
    const room = await shown.nth(i).evaluate((el) => {
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
    expect(room.shown, `${label} at ${width}px: "${room.text}" gets ${room.shown}px`).toBeGreaterThanOrEqual(room.needed - 1);
    expect(room.left >= 0 && room.right <= width + 1, `${label} at ${width}px: "${room.text}" on screen`).toBe(true);
  }
}

/** The page's content is hydrated (its shortcuts listen) and its realtime socket is connected. */
export async function waitLive(page: Page): Promise<void> {
  await expect(page.locator("#main [data-hydrated]")).toHaveCount(1);
  await expect(page.locator('[role="status"][data-state]')).toHaveAttribute("data-state", "live");
}

// The unmapped list as keyboard triage sees it: its market rows, the selected one, a row's market.
export const marketRows = (page: Page) => page.locator("tbody tr[data-market-id]");
export const selectedRow = (page: Page) => page.locator("tbody tr[data-selected]");
export const marketIdAt = async (page: Page, index: number) => Number(await marketRows(page).nth(index).getAttribute("data-market-id"));

/** Opens the list at `url` once it is live and sets its first two markets to New: a known start for the triage keys. */
export async function openWithFirstTwoNew(page: Page, request: APIRequestContext, url: string): Promise<{ first: number; second: number }> {
  await page.goto(url);
  await waitLive(page);
  const first = await marketIdAt(page, 0);
  const second = await marketIdAt(page, 1);
  await patchMarket(request, first, { status: "NEW" });
  await patchMarket(request, second, { status: "NEW" });
  return { first, second };
}

// ---------------------------------------------------------------------------------------------
// Realtime: the page's Socket.IO websocket, relayed to the real server, with a way to push extra
// server messages (Engine.IO "4" message + Socket.IO "2" event) and to cut the connection.

/** An unmapped_alert naming these markets as new, as a scrape's flush sends it. */
export const newMarketsAlert = (items: UnmappedItem[]): ServerMessageData<"unmapped_alert"> => ({
  count: items.length,
  markets: items.map(({ id, source, externalMarketId, marketName, reason }) => ({
    id,
    source,
    externalMarketId,
    marketName,
    reason,
    regressed: false,
    cause: "new" as const,
  })),
});

export interface SocketRelay {
  /** Sends a server message to the page as if the server had emitted it. */
  emit<T extends "unmapped_alert" | "scrape_progress">(type: T, data: ServerMessageData<T>): void;
  /** Drops the connection and refuses new ones until `restore()`. */
  cut(): void;
  restore(): void;
  connections(): number;
}

export async function relaySocket(page: Page): Promise<SocketRelay> {
  let current: WebSocketRoute | null = null;
  let refused = false;
  let count = 0;
  // A refused socket must not sneak back in over HTTP long-polling either.
  await page.route(/\/socket\.io\//, (route) => (refused ? route.abort("connectionrefused") : route.continue()));
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    count += 1;
    if (refused) {
      void ws.close({ code: 1011, reason: "test: server unreachable" });
      return;
    }
    ws.connectToServer();
    current = ws;
  });
  return {
    emit(type, data) {
      if (!current) throw new Error("the page has no socket yet");
      current.send(`42${JSON.stringify([type, { type, timestamp: new Date().toISOString(), data }])}`);
    },
    cut() {
      refused = true;
      void current?.close({ code: 1011, reason: "test: connection lost" });
      current = null;
    },
    restore() {
      refused = false;
    },
    connections: () => count,
  };
}
