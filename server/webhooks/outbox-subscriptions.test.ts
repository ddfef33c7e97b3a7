// Two processes (two Database handles) on one PostgreSQL: an endpoint created through one of them
// gets the next event the other writes, even before that process has heard of the endpoint (its
// NOTIFY not yet arrived): the write statement reads the endpoints itself. The write also wakes the
// dispatcher and brings the stale cache up to date; a type nobody subscribes to writes nothing.
import { afterEach, expect, it } from "vitest";
import { openDatabase, type Database } from "@/server/db/client";
import { describeOnDatabases } from "@/server/testing/test-database";
import { waitFor } from "@/server/testing/wait";
import { WebhookOutbox } from "./outbox";
import { newSecret } from "./send";

const run = {
  id: 1,
  trigger: "schedule" as const,
  status: "failed" as const,
  startedAt: new Date().toISOString(),
  finishedAt: new Date().toISOString(),
  events: 0,
  markets: 0,
  mapped: 0,
  unmapped: 0,
  newMarkets: 0,
  sources: {},
  error: "boom",
};

describeOnDatabases("the outbox's subscriptions across processes on %s", { kinds: ["postgres"], fresh: "each" }, (t) => {
  let other: Database | undefined;
  afterEach(async () => {
    await other?.close();
    other = undefined;
  });

  it("an endpoint the other process just created gets the event though this process's cache has not heard of it", async () => {
    const outbox = new WebhookOutbox(t.db);
    await outbox.start();
    let wakes = 0;
    outbox.onWritten(() => wakes++);
    expect(outbox.subscribed("scrape.failed")).toBe(false);

    // The other process creates the endpoint; its NOTIFY has not reached this one (none is sent here).
    other = await openDatabase({ url: t.url! });
    const endpoint = await other.prisma.webhookEndpoint.create({
      data: { url: "https://hooks.example.com/", events: ["scrape.failed"], secret: newSecret() },
    });
    expect(outbox.subscribed("scrape.failed")).toBe(false);

    const wrote = await t.db.prisma.$transaction(async (tx) => {
      const a = await outbox.write(tx, "scrape.failed", run);
      const b = await outbox.write(tx, "scrape.completed", { ...run, status: "completed", error: null });
      return [a, b];
    });
    expect(wrote).toEqual([true, false]);
    outbox.wakeFor("scrape.");
    expect(wakes).toBe(1);

    const events = await t.db.query<{ type: string }>(`SELECT type FROM webhook_events`);
    expect(events.map((e) => e.type)).toEqual(["scrape.failed"]);
    const deliveries = await t.db.query<{ endpoint_id: string }>(`SELECT endpoint_id FROM webhook_deliveries`);
    expect(deliveries.map((d) => d.endpoint_id)).toEqual([endpoint.id]);
    // The miss reloaded the cache: the flush sees the subscriber too from now on.
    await waitFor("the cache to catch up", () => outbox.subscribed("scrape.failed"), 10_000);
  });

  it("an inactive endpoint, or none, gets nothing: no event row either", async () => {
    const outbox = new WebhookOutbox(t.db);
    await outbox.start();
    other = await openDatabase({ url: t.url! });
    await other.prisma.webhookEndpoint.create({
      data: { url: "https://hooks.example.com/", events: ["scrape.failed"], secret: newSecret(), active: false },
    });
    const wrote = await t.db.prisma.$transaction((tx) => outbox.write(tx, "scrape.failed", run));
    expect(wrote).toBe(false);
    const [{ n }] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_events`);
    expect(n).toBe(0);
  });
});
