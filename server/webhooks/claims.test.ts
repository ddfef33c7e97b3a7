// Several processes on one PostgreSQL (each its own connections, outbox and dispatcher): every
// delivery is claimed and sent by one of them (FOR UPDATE SKIP LOCKED and the lease), each
// endpoint still gets its events in order, and an event one process writes wakes another's
// dispatcher through NOTIFY (not its 30 s idle poll).
import { afterEach, expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { openDatabase, type Database } from "@/server/db/client";
import { describeOnDatabases } from "@/server/testing/test-database";
import { waitFor } from "@/server/testing/wait";
import { startWebhookReceiver, type WebhookReceiver } from "@/server/testing/webhook-receiver";
import { WebhookDispatcher } from "./dispatcher";
import { WebhookOutbox } from "./outbox";
import { newSecret } from "./send";

const config = loadConfig({ WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_TIMEOUT_MS: "2000", WEBHOOK_RETRY_BASE_MS: "50" });

interface Process {
  db: Database;
  outbox: WebhookOutbox;
  dispatcher: WebhookDispatcher;
}

describeOnDatabases("webhook claims across processes on %s", { kinds: ["postgres"], fresh: "each" }, (t) => {
  const processes: Process[] = [];
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    for (const p of processes.splice(0)) {
      await p.dispatcher.stop();
      await p.db.close();
    }
    await receiver?.close();
  });

  const processOn = async (dispatching: boolean): Promise<Process> => {
    const db = await openDatabase({ url: t.url! });
    const outbox = new WebhookOutbox(db);
    await outbox.start();
    const dispatcher = new WebhookDispatcher(db, outbox, config);
    if (dispatching) await dispatcher.start();
    const p = { db, outbox, dispatcher };
    processes.push(p);
    return p;
  };

  const endpoints = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const row = await t.db.prisma.webhookEndpoint.create({
        data: { url: `${receiver!.url}?endpoint=${i}`, events: ["mapping.created"], secret: newSecret() },
      });
      ids.push(row.id);
    }
    return ids;
  };

  const writeEvents = async (p: Process, from: number, count: number) => {
    for (let n = from; n < from + count; n++) {
      await p.db.prisma.$transaction((tx) =>
        p.outbox.write(tx, "mapping.created", { canonicalId: `m${n}`, name: `M ${n}`, reason: null, actor: "test" }),
      );
      p.outbox.written();
    }
  };

  it("three dispatchers deliver 4 endpoints x 30 events: each once, in order per endpoint", async () => {
    receiver = await startWebhookReceiver(() => ({ status: 200 }));
    const writer = await processOn(false);
    await endpoints(4);
    await writer.outbox.reload();
    await writeEvents(writer, 0, 30);
    for (let i = 0; i < 3; i++) await processOn(true);
    await waitFor("120 deliveries", () => receiver!.accepted.length === 120, 60_000);
    expect(receiver.duplicates).toEqual([]);
    expect(receiver.requests).toHaveLength(120);
    for (let e = 0; e < 4; e++) {
      const names = receiver.accepted
        .filter((r) => r.path.endsWith(`endpoint=${e}`))
        .map((r) => (r.body.data as { canonicalId: string }).canonicalId);
      expect(names).toEqual(Array.from({ length: 30 }, (_, n) => `m${n}`));
    }
    // The receiver has its answer before the dispatcher records it: every delivery ends succeeded.
    const unsettled = async () =>
      Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status <> 'succeeded'`))[0].n);
    await waitFor("every delivery recorded as succeeded", async () => (await unsettled()) === 0);
    expect(receiver.requests).toHaveLength(120);
  });

  it("an event another process writes wakes this one's dispatcher (NOTIFY), well before its idle poll", async () => {
    receiver = await startWebhookReceiver(() => ({ status: 200 }));
    const sender = await processOn(true);
    const writer = await processOn(false);
    await endpoints(1);
    await writer.outbox.endpointsChanged();
    // The sender learns of the endpoint through NOTIFY too: its dispatcher then idles (nothing due).
    await waitFor("the sender's subscriptions", () => sender.outbox.subscribed("mapping.created"), 10_000);
    await writeEvents(writer, 0, 1);
    await waitFor("the delivery", () => receiver!.accepted.length === 1, 10_000);
  });
});
