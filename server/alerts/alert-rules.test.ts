// Alert rules after a flush, on both databases: each condition (platforms, reasons, causes,
// minimum priority, minimum sightings in the run, name/id pattern, enabled) decides which announced
// markets a rule notifies about; the default rule toasts every one; a throttled rule sends one
// notification for a burst and folds the rest into one more when its window has passed; a chat
// action reaches a real HTTP receiver as Slack's { text, blocks } naming the markets with links.
import { expect, it } from "vitest";
import type { UnmappedAlertData } from "@/lib/contract/realtime";
import { webhookPayloadSchemas, type AlertFiredData } from "@/lib/contract/webhooks";
import { DiscoveryService } from "@/server/discovery/discovery-service";
import type { Publisher } from "@/server/realtime/publisher";
import { sighting } from "@/server/testing/discovery";
import { newRun } from "@/server/testing/runs";
import { describeOnDatabases } from "@/server/testing/test-database";
import { waitFor } from "@/server/testing/wait";
import { startWebhookReceiver } from "@/server/testing/webhook-receiver";
import { WebhookDispatcher } from "@/server/webhooks/dispatcher";
import { WebhookOutbox } from "@/server/webhooks/outbox";
import { newSecret } from "@/server/webhooks/send";
import { Announcer } from "./announcer";

/** Keeps every toast (unmapped_alert) the announcer publishes. */
function toasts(): Publisher & { got: UnmappedAlertData[] } {
  const got: UnmappedAlertData[] = [];
  return { got, publish: (type, data) => void (type === "unmapped_alert" && got.push(data as UnmappedAlertData)) };
}

/** Exactly one toast was published, naming these markets (in any order), each once. */
function expectOneToast(published: { got: UnmappedAlertData[] }, externalIds: string[]) {
  expect(published.got).toHaveLength(1);
  expect(published.got[0].count).toBe(externalIds.length);
  expect(published.got[0].markets.map((m) => m.externalMarketId).sort()).toEqual(externalIds);
}

interface RuleSpec {
  name: string;
  platforms?: string[];
  reasons?: string[];
  causes?: string[];
  minPriority?: number;
  minSightings?: number;
  pattern?: string;
  enabled?: boolean;
  toast?: boolean;
  webhook?: string;
  chat?: string;
  throttle?: number;
}

describeOnDatabases("alert rules on %s", { fresh: "each" }, (t) => {
  const endpoint = async (url = "https://hooks.example.com/", kind = "standard") =>
    (await t.db.prisma.webhookEndpoint.create({ data: { url, events: [], secret: newSecret(), kind } })).id;
  const rule = async (r: RuleSpec) => {
    const [{ id }] = await t.db.query<{ id: string }>(
      `INSERT INTO alert_rules (id, name, platforms, reasons, causes, min_priority, min_sightings, pattern, enabled, toast,
         webhook_endpoint_id, chat_endpoint_id, throttle_minutes, updated_at)
       VALUES (gen_random_uuid(), $1, $2::text[], $3::text[], $4::text[], $5, $6, $7, $8, $9, $10::uuid, $11::uuid, $12, now()) RETURNING id::text`,
      [
        r.name,
        `{${(r.platforms ?? []).join(",")}}`,
        `{${(r.reasons ?? []).join(",")}}`,
        `{${(r.causes ?? []).join(",")}}`,
        r.minPriority ?? null,
        r.minSightings ?? null,
        r.pattern ?? null,
        r.enabled ?? true,
        r.toast ?? false,
        r.webhook ?? null,
        r.chat ?? null,
        r.throttle ?? 0,
      ],
    );
    return id;
  };
  const fired = async () =>
    new Map(
      (
        await t.db.query<{ name: string; last_fired_count: number | null; pending_count: number }>(
          `SELECT name, last_fired_count, pending_count FROM alert_rules`,
        )
      ).map((r) => [r.name, { fired: r.last_fired_count, pending: r.pending_count }]),
    );
  const alertEvents = async (endpointId: string) =>
    (
      await t.db.query<{ payload: unknown }>(
        `SELECT v.payload FROM webhook_deliveries d JOIN webhook_events v ON v.id = d.event_id WHERE d.endpoint_id = $1::uuid ORDER BY d.id`,
        [endpointId],
      )
    ).map((r) => webhookPayloadSchemas["alert.fired"].parse(typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload).data);

  it("the default rule toasts every announced market, as before rules existed", async () => {
    const published = toasts();
    const discovery = new DiscoveryService(t.db, published);
    for (let i = 0; i < 3; i++) discovery.record(sighting(`dflt${i}`), "UNKNOWN_MARKET");
    await discovery.flush();
    expectOneToast(published, ["dflt0", "dflt1", "dflt2"]);
    await discovery.close();
  });

  it("each condition narrows what a rule notifies about", async () => {
    await t.db.query(`DELETE FROM alert_rules`);
    const hook = await endpoint();
    await rule({ name: "bet9ja", platforms: ["bet9ja"], webhook: hook });
    await rule({ name: "param", reasons: ["UNKNOWN_PARAM_MARKET"], toast: true });
    await rule({ name: "regressed", causes: ["regressed"], toast: true });
    await rule({ name: "busy", minSightings: 3, toast: true });
    await rule({ name: "pattern", pattern: "corner*HALF", toast: true });
    await rule({ name: "literal", pattern: "100%", toast: true });
    await rule({ name: "by id", pattern: "9J-7", toast: true });
    await rule({ name: "urgent", minPriority: 100, toast: true });
    await rule({ name: "off", enabled: false, toast: true });
    await rule({ name: "everything", toast: true });
    const run = await newRun(t.db);
    const published = toasts();
    const discovery = new DiscoveryService(t.db, published);
    discovery.record(sighting("c1", "Corners 1st Half"), "UNKNOWN_MARKET", Date.now(), run);
    discovery.record({ ...sighting("9J-7", "Goals 100% Over"), source: "bet9ja" }, "UNKNOWN_PARAM_MARKET", Date.now(), run);
    for (let k = 0; k < 3; k++)
      discovery.record({ ...sighting("b3", "Booking Points"), eventId: `e${k}` }, "UNKNOWN_MARKET", Date.now(), run);
    await discovery.flush();

    const f = await fired();
    expect(f.get("bet9ja")?.fired).toBe(1);
    expect(f.get("param")?.fired).toBe(1);
    expect(f.get("regressed")?.fired).toBeNull();
    expect(f.get("busy")?.fired).toBe(1);
    expect(f.get("pattern")?.fired).toBe(1);
    expect(f.get("literal")?.fired).toBe(1);
    expect(f.get("by id")?.fired).toBe(1);
    expect(f.get("urgent")?.fired).toBeNull();
    expect(f.get("off")?.fired).toBeNull();
    expect(f.get("everything")?.fired).toBe(3);
    const [event] = await alertEvents(hook);
    expect(event.rule.name).toBe("bet9ja");
    expect(event.markets.map((m) => m.externalMarketId)).toEqual(["9J-7"]);
    // One toast for the flush: every market some toast rule matched, each named once.
    expectOneToast(published, ["9J-7", "b3", "c1"]);
    await discovery.close();
  });

  it("a throttled rule: one notification for a burst, the rest folded into one more when the window has passed", async () => {
    await t.db.query(`DELETE FROM alert_rules`);
    const hook = await endpoint();
    const id = await rule({ name: "throttled", toast: true, webhook: hook, throttle: 10 });
    const published = toasts();
    const announcer = new Announcer(t.db, published);
    const discovery = new DiscoveryService(t.db, published, { announcer });
    const flushOf = async (prefix: string, n: number) => {
      for (let i = 0; i < n; i++) discovery.record(sighting(`${prefix}${i}`), "UNKNOWN_MARKET");
      await discovery.flush();
    };
    await flushOf("burstA", 2);
    await flushOf("burstB", 3);
    await flushOf("burstC", 4);
    expect(published.got.map((a) => a.count)).toEqual([2]);
    expect((await fired()).get("throttled")).toEqual({ fired: 2, pending: 7 });
    expect((await announcer.tick()).fired).toBe(0); // still inside the window

    // The window passes.
    await t.db.query(`UPDATE alert_rules SET last_fired_at = now() - interval '11 minutes' WHERE id = $1::uuid`, [id]);
    expect((await announcer.tick()).fired).toBe(1);
    expect((await announcer.tick()).fired).toBe(0);
    expect(published.got.map((a) => a.count)).toEqual([2, 7]);
    const events: AlertFiredData[] = await alertEvents(hook);
    expect(events.map((e) => [e.count, e.folded])).toEqual([
      [2, 0],
      [7, 7],
    ]);
    expect(events[1].markets.map((m) => m.externalMarketId).sort()).toEqual(
      ["burstB0", "burstB1", "burstB2", "burstC0", "burstC1", "burstC2", "burstC3"].sort(),
    );
    expect((await fired()).get("throttled")).toEqual({ fired: 7, pending: 0 });
    await discovery.close();
  });

  it("a chat action posts { text, blocks } naming the markets with links under PUBLIC_URL; scraped names stay inert", async () => {
    await t.db.query(`DELETE FROM alert_rules`);
    const receiver = await startWebhookReceiver();
    const outbox = new WebhookOutbox(t.db);
    await outbox.start();
    const dispatcher = new WebhookDispatcher(t.db, outbox, {
      WEBHOOK_TIMEOUT_MS: 2_000,
      WEBHOOK_RETRY_BASE_MS: 50,
      WEBHOOK_RETRY_WINDOW_HOURS: 1,
      WEBHOOK_ALLOW_PRIVATE: true,
      WEBHOOK_LOG_RETENTION_DAYS: 7,
    });
    await dispatcher.start();
    try {
      await rule({ name: "to chat", chat: await endpoint(`${receiver.url}/chat`, "chat") });
      const announcer = new Announcer(t.db, toasts(), { wake: () => outbox.written(), publicUrl: () => "https://triage.example.com/" });
      const discovery = new DiscoveryService(t.db, toasts(), { announcer });
      discovery.record(sighting("chat1", "Total Goals <!channel> & <https://evil.example|click>"), "UNKNOWN_MARKET");
      await discovery.flush();
      await waitFor("the chat message", () => receiver.accepted.length === 1);
      const body = receiver.accepted[0].body as unknown as { text: string; blocks: Array<{ type: string; text?: { text: string } }> };
      const [{ id }] = await t.db.query<{ id: number }>(`SELECT id FROM unmapped_markets WHERE external_market_id = 'chat1'`);
      expect(body.text).toContain('rule "to chat": 1 unmapped market');
      expect(body.text).toContain(`https://triage.example.com/unmapped/${id}`);
      expect(body.text).toContain("Total Goals &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;");
      const listed = body.blocks.map((b) => b.text?.text ?? "").join("\n");
      expect(listed).toContain(`<https://triage.example.com/unmapped/${id}|Total Goals &lt;!channel&gt;`);
      expect(listed).not.toContain("<!channel>");
      await discovery.close();
    } finally {
      await dispatcher.stop();
      await receiver.close();
    }
  });
});
