// The outbox across faults, with a real receiver verifying with standardwebhooks:
// - the app process is killed with SIGKILL after the change committed and while its delivery is
//   in flight; after a restart the event still arrives (PGlite: on its data folder; PostgreSQL:
//   once the dead process's lease runs out);
// - the database goes down (a TCP proxy cut) while events wait: nothing is lost or sent twice, and
//   everything arrives, in order, once it is back;
// - an endpoint failing for the whole retry window is disabled, and switching it on clears that.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { webhookDeliveryListSchema, webhookSchema } from "@/lib/contract/webhooks";
import { adminFetch } from "@/server/testing/auth";
import { available, createPostgresDatabase, DB_KINDS, type DbKind } from "@/server/testing/databases";
import { captureLog } from "@/server/testing/log-capture";
import { launchServer, type ServerProcess } from "@/server/testing/process";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { TcpProxy } from "@/server/testing/tcp-proxy";
import { waitFor } from "@/server/testing/wait";
import { startWebhookReceiver } from "@/server/testing/webhook-receiver";

const procs: ServerProcess[] = [];
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const p of procs) p.child.kill("SIGKILL");
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const mapping = (n: number) => ({
  canonicalId: `fault_market_${n}`,
  name: `Fault market ${n}`,
  sportybetId: `98${String(n).padStart(4, "0")}`,
  outcomes: [{ canonicalId: "yes", betpawaName: "Yes", sportybetDesc: "Yes", bet9jaSuffix: null, position: 0 }],
});

async function databaseEnv(kind: DbKind): Promise<Record<string, string>> {
  if (kind === "postgres") {
    const db = await createPostgresDatabase();
    cleanup.push(db.drop);
    return { DATABASE_URL: db.url };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mt-webhook-kill-"));
  cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return { DATA_DIR: dir };
}

describe.each(DB_KINDS)("webhooks across a kill -9 on %s (real process)", (kind) => {
  it.skipIf(!available(kind))("delivers an event committed before the crash after the restart, once", async () => {
    const receiver = await startWebhookReceiver((n) => (n === 1 ? "hang" : { status: 200 }));
    cleanup.push(() => receiver.close());
    // A short timeout keeps the dead process's lease short (PostgreSQL waits it out).
    const env = { ...(await databaseEnv(kind)), WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_TIMEOUT_MS: "2000" };
    const first = launchServer(env);
    procs.push(first);
    const base = await first.url();
    const made = await adminFetch(base, "/api/webhooks", json({ url: receiver.url, events: ["mapping.created"] }));
    expect(made.status).toBe(201);
    const hook = (await made.json()) as { id: string; secret: string };
    receiver.secrets = [hook.secret];
    expect((await adminFetch(base, "/api/mappings", json(mapping(1)))).status).toBe(201);
    // Committed, and its delivery in flight (the receiver holds it): now the process dies.
    await waitFor("the first attempt", () => receiver.requests.length === 1);
    first.child.kill("SIGKILL");
    await first.exited;

    const second = launchServer(env);
    procs.push(second);
    const again = await second.url();
    const got = await waitFor("the event after the restart", () => receiver.accepted[0], 60_000);
    expect(got.id).toBe(receiver.requests[0].id);
    expect(got.body).toMatchObject({ type: "mapping.created", data: { canonicalId: "fault_market_1" } });
    expect(receiver.requests.every((r) => r.verified)).toBe(true);
    const log = webhookDeliveryListSchema.parse(await (await adminFetch(again, `/api/webhooks/${hook.id}/deliveries`)).json()).items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: "succeeded", attempts: 2, responseCode: 200 });
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(receiver.duplicates).toEqual([]);
  });
});

describe.skipIf(!available("postgres"))("webhooks with the database down (postgres behind a proxy)", () => {
  let server: TestServer;
  it("the outbox waits while the database is cut, then delivers everything once, in order", async () => {
    const receiver = await startWebhookReceiver(() => ({ status: 500 }));
    cleanup.push(() => receiver.close());
    const db = await createPostgresDatabase();
    cleanup.push(db.drop);
    const { proxy, url } = await TcpProxy.forUrl(db.url);
    cleanup.push(() => proxy.close());
    server = await startTestServer("postgres", {
      env: {
        DATABASE_URL: url,
        DB_CONNECT_TIMEOUT_MS: "1000",
        DB_STATEMENT_TIMEOUT_MS: "2000",
        WEBHOOK_ALLOW_PRIVATE: "true",
        WEBHOOK_TIMEOUT_MS: "1000",
        WEBHOOK_RETRY_BASE_MS: "100",
      },
    });
    cleanup.push(() => server.close());
    const hook = (await (await server.fetch("/api/webhooks", json({ url: receiver.url, events: ["mapping.created"] }))).json()) as {
      id: string;
      secret: string;
    };
    receiver.secrets = [hook.secret];
    for (let n = 1; n <= 3; n++) expect((await server.fetch("/api/mappings", json(mapping(n)))).status).toBe(201);
    await waitFor("a failed attempt", () => receiver.requests.length >= 1);

    const log = captureLog();
    try {
      proxy.cut();
      await waitFor("the dispatcher to find the database gone", () =>
        log.records.some((r) => r.msg.includes("[webhooks] the outbox is waiting for the database")),
      );
      receiver.answer = () => ({ status: 200 });
      const seenWhileDown = receiver.accepted.length;
      // At most the attempt in flight at the cut gets through; nothing more without the database.
      expect(seenWhileDown).toBeLessThanOrEqual(1);
      proxy.heal();
    } finally {
      proxy.heal();
      log.restore();
    }
    await waitFor("all three after the outage", () => receiver.accepted.length === 3, 60_000);
    expect(receiver.accepted.map((r) => (r.body.data as { canonicalId: string }).canonicalId)).toEqual([
      "fault_market_1",
      "fault_market_2",
      "fault_market_3",
    ]);
    expect(receiver.duplicates).toEqual([]);
    const deliveries = await waitFor("the log to say so", async () => {
      const items = webhookDeliveryListSchema.parse(await (await server.fetch(`/api/webhooks/${hook.id}/deliveries`)).json()).items;
      return items.every((d) => d.status === "succeeded") && items;
    });
    expect(deliveries).toHaveLength(3);
  });
});

describe.skipIf(!available("pglite"))("an endpoint failing for the whole retry window", () => {
  it("is disabled, its delivery failed; switching it on again clears the flag", async () => {
    const receiver = await startWebhookReceiver(() => ({ status: 503 }));
    cleanup.push(() => receiver.close());
    // 0.0005 h = 1.8 s of retries.
    const server = await startTestServer("pglite", {
      env: { WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_RETRY_BASE_MS: "100", WEBHOOK_RETRY_WINDOW_HOURS: "0.0005" },
    });
    cleanup.push(() => server.close());
    const hook = (await (await server.fetch("/api/webhooks", json({ url: receiver.url, events: ["mapping.created"] }))).json()) as {
      id: string;
    };
    expect((await server.fetch("/api/mappings", json(mapping(1)))).status).toBe(201);
    expect((await server.fetch("/api/mappings", json(mapping(2)))).status).toBe(201);
    const disabled = await waitFor("the endpoint disabled", async () => {
      const w = webhookSchema.parse(await (await server.fetch(`/api/webhooks/${hook.id}`)).json());
      return w.disabledAt !== null && w;
    });
    expect(disabled).toMatchObject({ active: false });
    expect(disabled.failingSince).not.toBeNull();
    const items = webhookDeliveryListSchema.parse(await (await server.fetch(`/api/webhooks/${hook.id}/deliveries`)).json()).items;
    const first = items.find((d) => d.status === "failed")!;
    expect(first).toMatchObject({ responseCode: 503, error: "HTTP 503" });
    expect(first.attempts).toBeGreaterThan(1);
    // Switched on again by a person: the flag is cleared and events flow.
    receiver.answer = () => ({ status: 200 });
    const on = await server.fetch(`/api/webhooks/${hook.id}`, { ...json({ active: true }), method: "PATCH" });
    expect(webhookSchema.parse(await on.json())).toMatchObject({ active: true, disabledAt: null, failingSince: null });
    expect((await server.fetch("/api/mappings", json(mapping(3)))).status).toBe(201);
    await waitFor("an event after it is on again", () =>
      receiver.accepted.some((r) => (r.body.data as { canonicalId: string }).canonicalId === "fault_market_3"),
    );
  });
});
