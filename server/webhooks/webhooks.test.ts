// Webhooks over real HTTP on PGlite and PostgreSQL: the admin API, the events the app's changes
// write (a scrape's discoveries and end, a triage change, mapping writes), signed deliveries a
// real receiver verifies with the standardwebhooks library, rotation, and a receiver that fails
// (500, then no answer past the timeout, then 429 with Retry-After) before it recovers: every
// event arrives once, in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { scrapeRunSchema } from "@/lib/contract/scrape";
import { unmappedListSchema } from "@/lib/contract/unmapped";
import {
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookPayloadSchemas,
  webhookSchema,
  webhookWithSecretSchema,
  WEBHOOK_EVENT_TYPES,
  type WebhookPayloadType,
} from "@/lib/contract/webhooks";
import { serverApi } from "@/server/testing/api";
import { okBody, problemBody, problemFields } from "@/server/testing/answers";
import { available, DB_KINDS } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { waitFor } from "@/server/testing/wait";
import { startWebhookReceiver, type WebhookReceiver } from "@/server/testing/webhook-receiver";

const mappingBody = (n: number) => ({
  canonicalId: `hook_market_${n}`,
  name: `Hook market ${n}`,
  sportybetId: `99${String(n).padStart(4, "0")}`,
  outcomes: [{ canonicalId: "yes", betpawaName: "Yes", sportybetDesc: "Yes", bet9jaSuffix: null, position: 0 }],
  reason: "webhook test",
});

describe.each(DB_KINDS)("webhooks on %s", (kind) => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  const api = serverApi(() => server);

  beforeAll(async () => {
    if (!available(kind)) return;
    receiver = await startWebhookReceiver();
    server = await startTestServer(kind, {
      env: { WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_TIMEOUT_MS: "400", WEBHOOK_RETRY_BASE_MS: "50" },
      demo: { events: 3, newPerCycle: 1 },
    });
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  const create = async (url: string, events: readonly string[] = WEBHOOK_EVENT_TYPES) =>
    webhookWithSecretSchema.parse(await okBody(await api("/api/webhooks", { method: "POST", json: { url, events } }), 201));
  const deliveries = async (id: string) =>
    webhookDeliveryListSchema.parse(await okBody(await api(`/api/webhooks/${id}/deliveries?limit=200`))).items;
  const ofType = <T extends WebhookPayloadType>(type: T) =>
    receiver.accepted
      .filter((r) => r.body.type === type)
      .map((r) => webhookPayloadSchemas[type].parse(r.body) as z.infer<(typeof webhookPayloadSchemas)[T]>);

  describe.skipIf(!available(kind))("", () => {
    it("CRUD: the secret is shown on create only; bad bodies are 400 naming the field; unknown ids 404; admins only", async () => {
      const made = await create("https://hooks.example.com/a", ["mapping.created"]);
      expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
      const got = webhookSchema.parse(await okBody(await api(`/api/webhooks/${made.id}`)));
      expect(got).not.toHaveProperty("secret");
      expect(got).toMatchObject({ url: "https://hooks.example.com/a", events: ["mapping.created"], active: true, failingSince: null });
      const list = webhookListSchema.parse(await okBody(await api("/api/webhooks")));
      expect(list.items.map((w) => w.id)).toContain(made.id);
      const patched = webhookSchema.parse(
        await okBody(await api(`/api/webhooks/${made.id}`, { method: "PATCH", json: { description: "ops", active: false } })),
      );
      expect(patched).toMatchObject({ description: "ops", active: false });
      for (const [body, field] of [
        [{ url: "ftp://x.example.com/", events: ["mapping.created"] }, "body.url"],
        [{ url: "https://x.example.com/", events: [] }, "body.events"],
        [{ url: "https://x.example.com/", events: ["nope"] }, "body.events.0"],
        [{ url: "https://x.example.com/", events: ["mapping.created"], extra: 1 }, "body.extra"],
      ] as const) {
        expect(await problemFields(await api("/api/webhooks", { method: "POST", json: body }))).toContain(field);
      }
      await problemBody(await api("/api/webhooks/00000000-0000-4000-8000-000000000000"), 404);
      await problemBody(await api("/api/webhooks/not-a-uuid"), 404);
      expect((await api(`/api/webhooks/${made.id}`, { method: "DELETE" })).status).toBe(204);
      await problemBody(await api(`/api/webhooks/${made.id}`), 404);
      const viewer = await api("/api/webhooks", { headers: { authorization: "" } });
      expect(viewer.status).toBe(401);
    });

    it("a scrape, a triage change and mapping writes arrive signed, as the contract describes them", async () => {
      const hook = await create(receiver.url);
      receiver.secrets = [hook.secret];
      const run = scrapeRunSchema.parse(await okBody(await api("/api/scrape?wait=true", { method: "POST" })));
      await waitFor("scrape.completed", () => ofType("scrape.completed").find((e) => e.data.id === run.id));
      const discovered = await waitFor(
        "unmapped.discovered",
        () => ofType("unmapped.discovered").length > 0 && ofType("unmapped.discovered"),
      );
      const total = discovered.reduce((n, e) => n + e.data.count, 0);
      expect(total).toBe(run.newMarkets);
      for (const e of discovered) expect(e.data.markets.length).toBe(Math.min(50, e.data.count));

      const market = unmappedListSchema.parse(await okBody(await api("/api/unmapped?pageSize=1"))).items[0];
      await okBody(await api(`/api/unmapped/${market.id}`, { method: "PATCH", json: { notes: "seen by a hook" } }));
      const updated = await waitFor("unmapped.updated", () => ofType("unmapped.updated")[0]);
      expect(updated.data).toMatchObject({ undo: false, count: 1, ids: [market.id], changed: ["notes"] });
      // A change that is refused (stale If-Match) rolls back, and its event with it.
      const stale = await api(`/api/unmapped/${market.id}`, { method: "PATCH", json: { notes: "lost" }, headers: { "if-match": '"999"' } });
      await problemBody(stale, 412);

      await okBody(await api("/api/mappings", { method: "POST", json: mappingBody(1) }), 201);
      await okBody(await api(`/api/mappings/hook_market_1?reason=gone`, { method: "DELETE" }));
      await waitFor("mapping events", () => ofType("mapping.deactivated").length === 1);
      expect(ofType("mapping.created")[0].data).toMatchObject({ canonicalId: "hook_market_1", reason: "webhook test" });
      // In order per endpoint: had the refused change written an event, it would have come before these.
      expect(ofType("unmapped.updated")).toHaveLength(1);
      // Mapping a market: the mapping's event and the market's status change, from one transaction.
      const target = unmappedListSchema.parse(await okBody(await api("/api/unmapped?source=sportybet&sort=occurrenceCount&pageSize=1")))
        .items[0];
      const mapBody = { canonicalId: "hook_mapped", name: target.marketName, betpawaId: "990200", reason: "covered" };
      await okBody(await api(`/api/unmapped/${target.id}/map`, { method: "POST", json: mapBody }));
      const mapped = await waitFor("the mapped market's event", () =>
        ofType("unmapped.updated").find((e) => e.data.ids[0] === target.id && e.data.changed[0] === "status"),
      );
      expect(mapped.data).toMatchObject({ changeId: null, count: 1 });
      expect(ofType("mapping.created").map((e) => e.data.canonicalId)).toEqual(["hook_market_1", "hook_mapped"]);
      expect(receiver.requests.every((r) => r.verified)).toBe(true);
      expect(receiver.duplicates).toEqual([]);

      // The log says what happened to each.
      // (The receiver answers before the dispatcher records it: wait for the last record.)
      const log = await waitFor("every delivery recorded", async () => {
        const items = await deliveries(hook.id);
        return items.every((d) => d.status !== "pending") && items;
      });
      for (const d of log) expect(d).toMatchObject({ status: "succeeded", attempts: 1, responseCode: 204, nextAttemptAt: null });
      expect(log.length).toBe(receiver.accepted.length);

      // Rotation: both secrets sign for 24 h, so a receiver with either verifies.
      const rotated = webhookWithSecretSchema.parse(await okBody(await api(`/api/webhooks/${hook.id}/rotate`, { method: "POST" })));
      expect(rotated.secret).not.toBe(hook.secret);
      expect(Date.parse(rotated.previousSecretExpiresAt!) - Date.now()).toBeGreaterThan(23 * 3_600_000);
      receiver.secrets = [hook.secret];
      const test1 = webhookDeliverySchema.parse(await okBody(await api(`/api/webhooks/${hook.id}/test`, { method: "POST" }), 202));
      receiver.secrets = [rotated.secret];
      const test2 = webhookDeliverySchema.parse(await okBody(await api(`/api/webhooks/${hook.id}/test`, { method: "POST" }), 202));
      await waitFor("both test events", () => [test1, test2].every((t) => receiver.accepted.some((r) => r.id === t.eventId)));
      expect(receiver.requests.every((r) => r.verified)).toBe(true);

      // Redelivery sends the same webhook-id again (once the first delivery is recorded: one in flight stays as it is).
      await waitFor("test2 recorded", async () => (await deliveries(hook.id)).find((d) => d.id === test2.id && d.status === "succeeded"));
      const again = webhookDeliverySchema.parse(
        await okBody(await api(`/api/webhooks/${hook.id}/deliveries/${test2.id}/redeliver`, { method: "POST" }), 202),
      );
      expect(again).toMatchObject({ status: "pending", eventId: test2.eventId });
      await waitFor("the redelivery", () => receiver.requests.filter((r) => r.id === test2.eventId).length === 2);
      await problemBody(await api(`/api/webhooks/${hook.id}/deliveries/999999/redeliver`, { method: "POST" }), 404);
      expect((await api(`/api/webhooks/${hook.id}`, { method: "DELETE" })).status).toBe(204);
    });

    it("a receiver that fails (500, no answer, 429 + Retry-After) then recovers gets every event once, in order", async () => {
      receiver.requests.length = 0;
      receiver.accepted.length = 0;
      receiver.duplicates.length = 0;
      const hook = await create(receiver.url, ["mapping.created"]);
      receiver.secrets = [hook.secret];
      const start = receiver.requests.length;
      receiver.answer = (n) => {
        const k = n - start;
        if (k === 1) return { status: 500 };
        if (k === 2) return "hang";
        if (k === 3) return { status: 429, headers: { "retry-after": "1" } };
        return { status: 200 };
      };
      for (let n = 10; n < 15; n++) await okBody(await api("/api/mappings", { method: "POST", json: mappingBody(n) }), 201);
      await waitFor("five events accepted", () => receiver.accepted.length === 5, 30_000);
      expect(receiver.accepted.map((r) => (r.body.data as { canonicalId: string }).canonicalId)).toEqual(
        [10, 11, 12, 13, 14].map((n) => `hook_market_${n}`),
      );
      expect(receiver.duplicates).toEqual([]);
      expect(receiver.requests.slice(0, 4).map((r) => r.id)).toEqual(Array(4).fill(receiver.accepted[0].id));
      const log = await waitFor("the last one recorded", async () => {
        const items = await deliveries(hook.id);
        return items.every((d) => d.status !== "pending") && items;
      });
      const first = log.find((d) => d.eventId === receiver.accepted[0].id)!;
      expect(first).toMatchObject({ status: "succeeded", attempts: 4, responseCode: 200 });
      expect(webhookSchema.parse(await okBody(await api(`/api/webhooks/${hook.id}`))).failingSince).toBeNull();
      // A 4xx other than 429 is final: not retried.
      receiver.answer = () => ({ status: 410 });
      await okBody(await api("/api/mappings", { method: "POST", json: mappingBody(20) }), 201);
      const gone = await waitFor("a failed delivery", async () => (await deliveries(hook.id)).find((d) => d.status === "failed"));
      expect(gone).toMatchObject({ attempts: 1, responseCode: 410, error: "HTTP 410" });
      expect(webhookSchema.parse(await okBody(await api(`/api/webhooks/${hook.id}`))).failingSince).not.toBeNull();
      receiver.answer = () => ({ status: 200 });
      await api(`/api/webhooks/${hook.id}`, { method: "DELETE" });
    });
  });
});

// The guard does not depend on the database: one kind is enough.
describe("webhook URLs with WEBHOOK_ALLOW_PRIVATE off", () => {
  let server: TestServer;
  const api = serverApi(() => server);
  beforeAll(async () => {
    server = await startTestServer("pglite", { env: { WEBHOOK_ALLOW_PRIVATE: "false" } });
  });
  afterAll(async () => server?.close());

  it("refuses loopback, link-local and private targets with 400 naming body.url, and changes nothing", async () => {
    for (const url of [
      "http://127.0.0.1:9/hook",
      "http://localhost/hook",
      "http://[::1]/",
      "http://10.0.0.1/",
      "http://169.254.169.254/",
    ]) {
      const res = await api("/api/webhooks", { method: "POST", json: { url, events: ["scrape.completed"] } });
      expect(await problemFields(res), url).toEqual(["body.url"]);
    }
    expect(webhookListSchema.parse(await okBody(await api("/api/webhooks"))).items).toEqual([]);
    const made = webhookWithSecretSchema.parse(
      await okBody(
        await api("/api/webhooks", { method: "POST", json: { url: "https://8.8.8.8/hook", events: ["scrape.completed"] } }),
        201,
      ),
    );
    const patch = await api(`/api/webhooks/${made.id}`, { method: "PATCH", json: { url: "http://192.168.0.10/" } });
    expect(await problemFields(patch)).toEqual(["body.url"]);
    expect(webhookSchema.parse(await okBody(await api(`/api/webhooks/${made.id}`))).url).toBe("https://8.8.8.8/hook");
  });
});
