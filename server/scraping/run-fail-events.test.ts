// Runs the server marks failed (a dead process's run found by the liveness check, a run left
// `running` by a crash) write scrape.failed like a run that ends itself: the event commits with the
// update, one delivery per subscribed endpoint, and the dispatcher is woken.
import { expect, it } from "vitest";
import { webhookPayloadSchemas } from "@/lib/contract/webhooks";
import { describeOnDatabases } from "@/server/testing/test-database";
import { WebhookOutbox } from "@/server/webhooks/outbox";
import { newSecret } from "@/server/webhooks/send";
import { RunStore } from "./run-store";

describeOnDatabases("scrape.failed for runs the server fails on %s", { fresh: "each" }, (t) => {
  const setUp = async () => {
    const endpoint = await t.db.prisma.webhookEndpoint.create({
      data: { url: "https://hooks.example.com/", events: ["scrape.failed"], secret: newSecret() },
    });
    const outbox = new WebhookOutbox(t.db);
    await outbox.start();
    let wakes = 0;
    outbox.onWritten(() => wakes++);
    return { endpoint, runs: new RunStore(t.db.prisma, outbox), wakes: () => wakes };
  };
  const failedEvents = async () => {
    const rows = await t.db.query<{ payload: unknown; endpoint_id: string | null }>(
      `SELECT v.payload, d.endpoint_id FROM webhook_events v LEFT JOIN webhook_deliveries d ON d.event_id = v.id
       WHERE v.type = 'scrape.failed' ORDER BY v.created_at, v.id`,
    );
    return rows.map((r) => ({ body: webhookPayloadSchemas["scrape.failed"].parse(r.payload), endpointId: r.endpoint_id }));
  };

  it("failStale: a run whose heartbeats stopped is failed with its scrape.failed event and a delivery", async () => {
    const { endpoint, runs, wakes } = await setUp();
    const id = await runs.claim("schedule", "gone-process");
    await t.db.query(`UPDATE scrape_runs SET heartbeat_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    const failed = await runs.failStale({ lockFree: false, graceSeconds: 30, staleSeconds: 60, mine: null });
    expect(failed.map((r) => r.id)).toEqual([id]);
    const events = await failedEvents();
    expect(events).toHaveLength(1);
    expect(events[0].endpointId).toBe(endpoint.id);
    expect(events[0].body.data).toMatchObject({ id, status: "failed", error: failed[0].error });
    expect(events[0].body.data.finishedAt).not.toBeNull();
    expect(wakes()).toBeGreaterThan(0);
    // Nothing stale left: no second event.
    await runs.failStale({ lockFree: false, graceSeconds: 30, staleSeconds: 60, mine: null });
    expect(await failedEvents()).toHaveLength(1);
  });

  it("failAbandoned: each run a crash left running gets its scrape.failed event", async () => {
    const { runs, wakes } = await setUp();
    const first = await runs.claim("manual", "crashed-process");
    await runs.finish(first, { status: "failed", sources: {}, error: "ended itself" });
    const abandoned = await runs.claim("schedule", "crashed-process");
    expect(await runs.failAbandoned()).toBe(1);
    const events = await failedEvents();
    expect(events.map((e) => e.body.data.id)).toEqual([first, abandoned]);
    expect(events[1].body.data).toMatchObject({ status: "failed", error: "The server stopped before the run finished" });
    expect(wakes()).toBeGreaterThan(0);
    expect(await runs.failAbandoned()).toBe(0);
    expect(await failedEvents()).toHaveLength(2);
  });
});
