// Triage rules a new user tripped over: "Mapped" only by mapping, the notes limit enforced by the
// form, the scrape strip and the toast telling the same story, and names in recent changes.
import type { APIRequestContext } from "@playwright/test";
import { auditListSchema } from "../lib/contract/audit";
import { mapResultSchema } from "../lib/contract/mappings";
import { problemSchema } from "../lib/contract/common";
import { ensureMarkets, expect, getMarket, listMarkets, patchMarket, scrape, test, waitLive } from "./support";

test.beforeAll(async ({ request }) => ensureMarkets(request));

async function plainMarket(request: APIRequestContext, skip = 0) {
  const { items } = await listMarkets(request, { status: "NEW", sort: "occurrenceCount", order: "asc", pageSize: 30 });
  const market = items.filter((i) => !/[<>]/.test(i.marketName))[skip];
  expect(market).toBeDefined();
  return market!;
}

test("PATCH status MAPPED is refused (422) and points at the map endpoint; nothing changes", async ({ request }) => {
  const market = await plainMarket(request);
  const before = await getMarket(request, market.id);
  const res = await request.patch(`/api/unmapped/${market.id}`, { data: { status: "MAPPED" } });
  expect(res.status()).toBe(422);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  const problem = problemSchema.parse(await res.json());
  expect(problem.detail).toContain(`/api/unmapped/${market.id}/map`);
  expect(problem.errors?.map((e) => e.field)).toContain("body.status");
  expect(await getMarket(request, market.id)).toEqual(before);
});

test("the status control never offers Mapped; it offers Map this market", async ({ page, request }) => {
  const market = await plainMarket(request);
  await page.goto(`/unmapped/${market.id}`);
  await waitLive(page);
  const status = page.getByRole("group", { name: "Status" });
  await expect(status.getByRole("button")).toHaveText(["New", "Acknowledged", "Ignored"]);
  const triage = page.getByRole("region", { name: "Triage" });
  await expect(triage.getByRole("link", { name: "Map this market" })).toHaveAttribute("href", `/unmapped/${market.id}/map`);
});

test("the notes form refuses 2,001 characters without sending them", async ({ page, request }) => {
  const market = await plainMarket(request, 1);
  await patchMarket(request, market.id, { notes: null });
  const patches: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "PATCH" && r.url().includes(`/api/unmapped/${market.id}`)) patches.push(r.postData() ?? "");
  });
  await page.goto(`/unmapped/${market.id}`);
  await waitLive(page);
  const notes = page.getByLabel("Notes");
  await notes.fill("x".repeat(2001));
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.locator("#notes-error")).toHaveText(/notes can be at most 2000 characters/);
  await expect(notes).toHaveAttribute("aria-invalid", "true");
  await notes.press("Control+Enter");
  await expect(page.locator("#notes-error")).toBeVisible();
  expect(patches, "nothing was sent").toEqual([]);
  await notes.fill("x".repeat(2000));
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect.poll(async () => (await getMarket(request, market.id)).notes?.length).toBe(2000);
  await patchMarket(request, market.id, { notes: null });
});

test("the scrape strip and the toast agree on new and reopened markets", async ({ page, request }) => {
  // A market sighted in the latest run is mapped, then its mapping removed: the next run reopens it.
  const run = await scrape(request);
  const { items } = await listMarkets(request, {
    status: "NEW",
    source: "sportybet",
    reason: "UNKNOWN_MARKET",
    sort: "occurrenceCount",
    order: "desc",
    pageSize: 30,
  });
  const details = await Promise.all(items.filter((i) => !/[<>]/.test(i.marketName)).map((i) => getMarket(request, i.id)));
  const market = details.find((d) => d.impact?.runId === run.id && d.sampleOutcomes.length > 0);
  expect(market, "a SportyBet market sighted in the latest run").toBeDefined();
  const canonicalId = `e2e_reopen_${market!.id}`;
  const mapped = await request.post(`/api/unmapped/${market!.id}/map`, {
    data: {
      canonicalId,
      name: `E2E reopen ${market!.id}`,
      betpawaId: "990200",
      outcomes: market!.sampleOutcomes.map((o, position) => ({
        canonicalId: `o${position}`,
        betpawaName: o.name,
        sportybetDesc: o.name,
        bet9jaSuffix: null,
        position,
      })),
      reason: "e2e: to be reopened",
    },
  });
  expect(mapped.ok(), await mapped.text()).toBe(true);
  mapResultSchema.parse(await mapped.json());
  expect((await request.delete(`/api/mappings/${canonicalId}?reason=e2e`)).ok()).toBe(true);

  await page.goto("/unmapped");
  await waitLive(page);
  await page.getByRole("banner").getByRole("button", { name: "Scrape now" }).click();
  const panel = page.getByRole("region", { name: "Scrape run" });
  await expect(panel).toContainText(/Run #\d+ completed/);
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "reopened" });
  await expect(toast).toContainText(/\d+ new and 1 reopened unmapped markets/);
  const phrase = (await toast.locator("[data-title]").innerText()).trim();
  await expect(panel).toContainText(phrase);
  expect((await getMarket(request, market!.id)).status).toBe("NEW");
});

test("recent changes on the dashboard name the market", async ({ page, request }) => {
  const market = await plainMarket(request, 2);
  const res = await request.patch(`/api/unmapped/${market.id}`, { data: { status: "ACKNOWLEDGED", reason: "names e2e" } });
  expect(res.ok()).toBe(true);
  try {
    const audit = auditListSchema.parse(await (await request.get("/api/audit?pageSize=1")).json());
    expect(audit.items[0].entityId).toBe(String(market.id));
    await page.goto("/dashboard");
    await waitLive(page);
    const entry = page.getByRole("list", { name: "Recent changes" }).locator(":scope > li").filter({ hasText: "names e2e" }).first();
    await expect(entry.getByRole("link", { name: new RegExp(market.marketName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })).toHaveAttribute(
      "href",
      `/unmapped/${market.id}`,
    );
  } finally {
    await patchMarket(request, market.id, { status: "NEW" });
  }
});
