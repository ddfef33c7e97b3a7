// A flush's webhook events, written by its announce step on both databases: a flush of 300 new
// markets in three chunks writes ONE unmapped.discovered event (50 markets, count 300) with one
// delivery per subscribed active endpoint; a chunk applied again (a lost reply's retry) writes no
// second event; without a subscriber nothing is written; batches whose announce step never ran
// (the process died after the chunks committed) are announced once by a later tick (at once at a
// PGlite start); an endpoint another process just created gets the next flush's event (the
// statement reads the endpoints).
import { expect, it } from "vitest";
import { webhookPayloadSchemas } from "@/lib/contract/webhooks";
import { Announcer } from "@/server/alerts/announcer";
import { DiscoveryService } from "@/server/discovery/discovery-service";
import { chunksOf, writeChunks } from "@/server/discovery/flush";
import { Recorder } from "@/server/discovery/recorder";
import { nullPublisher } from "@/server/realtime/publisher";
import { sighting } from "@/server/testing/discovery";
import { describeOnDatabases } from "@/server/testing/test-database";
import { newSecret } from "./send";

describeOnDatabases("the flush's webhook events on %s", { fresh: "each" }, (t) => {
  const endpoint = (events: string[], active = true) =>
    t.db.prisma.webhookEndpoint.create({ data: { url: "https://hooks.example.com/", events, secret: newSecret(), active } });
  const events = () => t.db.query<{ id: string; type: string; payload: unknown }>(`SELECT id, type, payload FROM webhook_events`);
  const deliveries = () => t.db.query<{ endpoint_id: string }>(`SELECT endpoint_id FROM webhook_deliveries`);
  const chunkOf = (prefix: string, n: number) => {
    const recorder = new Recorder(1_000);
    for (let i = 0; i < n; i++) recorder.record(sighting(`${prefix}${i}`), "UNKNOWN_MARKET", Date.now(), null);
    return [...chunksOf(recorder.drain().values(), 100)][0];
  };

  it("300 new markets in three chunks: one unmapped.discovered event with 50 of them and the count, one delivery per subscriber", async () => {
    const on = await endpoint(["unmapped.discovered", "scrape.completed"]);
    await endpoint(["unmapped.discovered"], false);
    await endpoint(["unmapped.regressed"]);
    const discovery = new DiscoveryService(t.db, nullPublisher, { chunkRows: 100 });
    for (let i = 0; i < 300; i++) discovery.record(sighting(`hook${String(i).padStart(3, "0")}`), "UNKNOWN_MARKET");
    const result = await discovery.flush();
    expect(result.inserted).toHaveLength(300);
    expect(result.batchIds).toHaveLength(3);
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
    const announcer = new Announcer(t.db, nullPublisher);
    const chunk = chunkOf("again", 5);
    const first = await writeChunks(t.db, [chunk]);
    await announcer.announce(first.batchIds);
    const retried = await writeChunks(t.db, [chunk]);
    expect(retried.announced).toHaveLength(5); // read back from flush_batches
    expect((await announcer.announce(retried.batchIds)).markets).toBe(0);
    expect(await events()).toHaveLength(1);
    expect(await deliveries()).toHaveLength(1);

    await t.db.query(`DELETE FROM webhook_endpoints`);
    const quiet = await writeChunks(t.db, [chunkOf("quiet", 5)]);
    expect((await announcer.announce(quiet.batchIds)).markets).toBe(5);
    expect(await events()).toHaveLength(1);
  });

  it("batches whose announce step never ran are announced once, by a tick, when stale; an endpoint made elsewhere gets the event", async () => {
    // Created straight in the database, as another process would: no cache here knows it.
    await endpoint(["unmapped.discovered"]);
    const orphan = await writeChunks(t.db, [chunkOf("orphan", 4)]);
    const announcer = new Announcer(t.db, nullPublisher);
    expect((await announcer.tick()).announced.markets).toBe(0); // too fresh: its flush may still be announcing
    await t.db.query(`UPDATE flush_batches SET created_at = now() - interval '1 hour' WHERE id = ANY($1::uuid[])`, [
      `{${orphan.batchIds.join(",")}}`,
    ]);
    expect((await announcer.tick()).announced.markets).toBe(4);
    expect((await announcer.tick()).announced.markets).toBe(0);
    const written = await events();
    expect(written).toHaveLength(1);
    expect(webhookPayloadSchemas["unmapped.discovered"].parse(written[0].payload).data.count).toBe(4);
  });

  it("at start, PGlite announces batches a dead process left unannounced at once; PostgreSQL leaves fresh ones to their process", async () => {
    await endpoint(["unmapped.discovered"]);
    await writeChunks(t.db, [chunkOf("leftover", 3)]);
    const announcer = new Announcer(t.db, nullPublisher);
    await announcer.start();
    await announcer.close();
    // PGlite is one process: whoever wrote the batch is gone. On PostgreSQL another process may still be announcing it.
    expect(await events()).toHaveLength(t.db.kind === "pglite" ? 1 : 0);
  });
});
