// The flush's outbox rows, written by the flush statement itself, on both databases: a flush that
// discovers 300 markets in one chunk writes one unmapped.discovered event (50 markets, count 300)
// and one delivery per subscribed active endpoint; a chunk applied again (a lost reply's retry)
// writes no second event; without a subscriber nothing is written.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { webhookPayloadSchemas } from "@/lib/contract/webhooks";
import { DiscoveryService } from "@/server/discovery/discovery-service";
import { chunksOf, writeChunks } from "@/server/discovery/flush";
import { Recorder } from "@/server/discovery/recorder";
import { nullPublisher } from "@/server/realtime/publisher";
import { sighting } from "@/server/testing/discovery";
import { describeOnDatabases } from "@/server/testing/test-database";
import { WebhookOutbox } from "./outbox";
import { newSecret } from "./send";

describeOnDatabases("the flush's webhook events on %s", { fresh: "each" }, (t) => {
  const endpoint = (events: string[], active = true) =>
    t.db.prisma.webhookEndpoint.create({ data: { url: "https://hooks.example.com/", events, secret: newSecret(), active } });
  const events = () => t.db.query<{ id: string; type: string; payload: unknown }>(`SELECT id, type, payload FROM webhook_events`);
  const deliveries = () => t.db.query<{ endpoint_id: string }>(`SELECT endpoint_id FROM webhook_deliveries`);

  it("300 new markets in one chunk: one unmapped.discovered event with 50 of them and the count, one delivery per subscriber", async () => {
    const on = await endpoint(["unmapped.discovered", "scrape.completed"]);
    await endpoint(["unmapped.discovered"], false);
    await endpoint(["unmapped.regressed"]);
    const outbox = new WebhookOutbox(t.db);
    await outbox.start();
    const discovery = new DiscoveryService(t.db, nullPublisher, { chunkRows: 1_000, webhooks: outbox });
    for (let i = 0; i < 300; i++) discovery.record(sighting(`hook${String(i).padStart(3, "0")}`), "UNKNOWN_MARKET");
    const result = await discovery.flush();
    expect(result.inserted).toHaveLength(300);
    const written = await events();
    expect(written).toHaveLength(1);
    const body = webhookPayloadSchemas["unmapped.discovered"].parse(written[0].payload);
    expect(body.data.count).toBe(300);
    expect(body.data.markets).toHaveLength(50);
    expect(body.data.markets.every((m) => m.cause === "new" && !m.regressed)).toBe(true);
    expect((await deliveries()).map((d) => d.endpoint_id)).toEqual([on.id]);
    await discovery.close();
  });

  it("a chunk applied again (its reply was lost) writes no second event; no subscriber, no rows", async () => {
    await endpoint(["unmapped.discovered"]);
    const recorder = new Recorder(1_000);
    for (let i = 0; i < 5; i++) recorder.record(sighting(`again${i}`), "UNKNOWN_MARKET", Date.now(), null);
    const [chunk] = [...chunksOf(recorder.drain().values(), 100)];
    const types = () => "{unmapped.discovered}";
    await writeChunks(t.db, [chunk], undefined, types);
    const retried = await writeChunks(t.db, [chunk], undefined, types);
    expect(retried.announced).toHaveLength(5); // read back from flush_batches
    expect(await events()).toHaveLength(1);
    expect(await deliveries()).toHaveLength(1);

    for (let i = 0; i < 5; i++) recorder.record(sighting(`quiet${i}`), "UNKNOWN_MARKET", Date.now(), null);
    const [quiet] = [...chunksOf(recorder.drain().values(), 100)];
    await writeChunks(t.db, [{ ...quiet, id: randomUUID() }]);
    expect(await events()).toHaveLength(1);
  });
});
