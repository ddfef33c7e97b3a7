// The delivery log's retention on both databases: finished events past WEBHOOK_LOG_RETENTION_DAYS
// go with their deliveries; a recent one, or an old one still pending somewhere, stays.
import { expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { describeOnDatabases } from "@/server/testing/test-database";
import { WebhookDispatcher } from "./dispatcher";
import { WebhookOutbox } from "./outbox";
import { newSecret } from "./send";

describeOnDatabases("webhook log retention on %s", (t) => {
  it("deletes finished events older than the retention with their deliveries, keeps the rest", async () => {
    const hook = await t.db.prisma.webhookEndpoint.create({
      data: { url: "https://hooks.example.com/", events: ["scrape.completed"], secret: newSecret(), active: false },
    });
    const event = async (name: string, daysAgo: number, status: string) => {
      await t.db.query(
        `WITH e AS (INSERT INTO webhook_events (id, type, payload, created_at)
           VALUES (gen_random_uuid(), $1, '{}'::jsonb, now() - $2::int * interval '1 day') RETURNING id)
         INSERT INTO webhook_deliveries (event_id, endpoint_id, status) SELECT e.id, $3::uuid, $4 FROM e`,
        [name, daysAgo, hook.id, status],
      );
    };
    await event("old.succeeded", 40, "succeeded");
    await event("old.failed", 31, "failed");
    await event("old.pending", 40, "pending");
    await event("recent.succeeded", 3, "succeeded");
    const config = loadConfig({ WEBHOOK_LOG_RETENTION_DAYS: "30" });
    const dispatcher = new WebhookDispatcher(t.db, new WebhookOutbox(t.db), config);
    expect(await dispatcher.prune()).toBe(2);
    const left = await t.db.query<{ type: string; n: number }>(
      `SELECT v.type, count(d.id)::int AS n FROM webhook_events v LEFT JOIN webhook_deliveries d ON d.event_id = v.id GROUP BY v.type ORDER BY v.type`,
    );
    expect(left).toEqual([
      { type: "old.pending", n: 1 },
      { type: "recent.succeeded", n: 1 },
    ]);
  });
});
