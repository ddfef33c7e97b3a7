// When a failed delivery is tried again, and when failing disables its endpoint, on both databases
// with a real receiver and the real dispatcher:
// - a 429's Retry-After lengthens the back-off but never shortens it (0 or a past date still backs
//   off) and is capped at the longest back-off; a wait past the retry window's end becomes one last
//   attempt at the end, not a failure and a disabled endpoint on the first attempt;
// - the 24 h disable needs failing without a break: a failure after a quiet spell (longer than the
//   longest back-off) starts a new streak, set up here by writing the timestamps in the database.
import { afterEach, expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { describeOnDatabases } from "@/server/testing/test-database";
import { waitFor } from "@/server/testing/wait";
import { startWebhookReceiver, type WebhookReceiver } from "@/server/testing/webhook-receiver";
import { WebhookDispatcher } from "./dispatcher";
import { WebhookOutbox } from "./outbox";
import { newSecret } from "./send";

const HOUR = 3_600_000;
const ms = (v: Date | string | null) => (v === null ? NaN : new Date(v).getTime());

interface DeliveryRow {
  status: string;
  attempts: number;
  response_code: number | null;
  next_attempt_at: Date | string;
  last_attempt_at: Date | string | null;
}
interface EndpointRow {
  active: boolean;
  disabled_at: Date | string | null;
  failing_since: Date | string | null;
  last_failed_at: Date | string | null;
}

describeOnDatabases("webhook retry schedule on %s", { fresh: "each" }, (t) => {
  let receiver: WebhookReceiver | undefined;
  let dispatcher: WebhookDispatcher | undefined;
  afterEach(async () => {
    await dispatcher?.stop();
    dispatcher = undefined;
    await receiver?.close();
  });

  /** An endpoint at a receiver answering `answer`, with one event queued for it (not yet sent). */
  const setUp = async (answer: WebhookReceiver["answer"]) => {
    receiver = await startWebhookReceiver(answer);
    const endpoint = await t.db.prisma.webhookEndpoint.create({
      data: { url: receiver.url, events: ["mapping.created"], secret: newSecret() },
    });
    receiver.secrets = [endpoint.secret];
    const outbox = new WebhookOutbox(t.db);
    await outbox.start();
    const deliveryId = await outbox.writeTo(endpoint.id, "mapping.created", {
      canonicalId: "m1",
      name: "M 1",
      reason: null,
      actor: "test",
    });
    return { endpointId: endpoint.id, deliveryId, outbox };
  };
  const dispatch = async (outbox: WebhookOutbox, env: Record<string, string> = {}) => {
    const config = loadConfig({ WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_TIMEOUT_MS: "2000", WEBHOOK_RETRY_BASE_MS: "50", ...env });
    dispatcher = new WebhookDispatcher(t.db, outbox, config);
    await dispatcher.start();
  };
  /** The delivery once `attempts` attempts are recorded (not just claimed). */
  const recorded = (id: string, attempts: number) =>
    waitFor(`attempt ${attempts} recorded`, async () => {
      const [d] = await t.db.query<DeliveryRow & { leased: boolean }>(
        `SELECT status, attempts, response_code, next_attempt_at, last_attempt_at, leased_until IS NOT NULL AS leased
         FROM webhook_deliveries WHERE id = $1::bigint`,
        [id],
      );
      return d.attempts >= attempts && !d.leased && d.response_code !== null && d;
    });
  const endpoint = async (id: string) =>
    (
      await t.db.query<EndpointRow>(
        `SELECT active, disabled_at, failing_since, last_failed_at FROM webhook_endpoints WHERE id = $1::uuid`,
        [id],
      )
    )[0];

  it("a 429 asking for a day is tried again within the hour; the endpoint stays on", async () => {
    const { endpointId, deliveryId, outbox } = await setUp(() => ({ status: 429, headers: { "retry-after": "86400" } }));
    await dispatch(outbox);
    const d = await recorded(deliveryId, 1);
    expect(d).toMatchObject({ status: "pending", attempts: 1, response_code: 429 });
    const wait = ms(d.next_attempt_at) - Date.now();
    expect(wait).toBeGreaterThan(HOUR - 60_000);
    expect(wait).toBeLessThanOrEqual(HOUR);
    expect(await endpoint(endpointId)).toMatchObject({ active: true, disabled_at: null });
  });

  it("a wait past the window's end: one last attempt at the end; failing that, the delivery fails", async () => {
    const arrivals: number[] = [];
    const { endpointId, deliveryId, outbox } = await setUp(() => {
      arrivals.push(Date.now());
      return { status: 429, headers: { "retry-after": "86400" } };
    });
    const [{ retry_from }] = await t.db.query<{ retry_from: Date | string }>(
      `SELECT retry_from FROM webhook_deliveries WHERE id = $1::bigint`,
      [deliveryId],
    );
    // 0.001 h = 3.6 s of retries.
    await dispatch(outbox, { WEBHOOK_RETRY_WINDOW_HOURS: "0.001" });
    const first = await recorded(deliveryId, 1);
    expect(first.status).toBe("pending");
    expect(ms(first.next_attempt_at)).toBe(ms(retry_from) + 3_600);
    expect(await endpoint(endpointId)).toMatchObject({ active: true, disabled_at: null });
    const last = await recorded(deliveryId, 2);
    expect(last).toMatchObject({ status: "failed", attempts: 2, response_code: 429 });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]).toBeGreaterThanOrEqual(ms(retry_from) + 3_600 - 50);
    // It failed every attempt of its whole window: now the endpoint is off.
    expect(await endpoint(endpointId)).toMatchObject({ active: false });
  });

  for (const [what, value] of [
    ["Retry-After: 0", () => "0"],
    ["a Retry-After date in the past", () => new Date(Date.now() - 60_000).toUTCString()],
  ] as const) {
    it(`${what} still backs off`, async () => {
      const { deliveryId, outbox } = await setUp(() => ({ status: 429, headers: { "retry-after": value() } }));
      // Attempt 1 backs off between half and all of the base: 30-60 s.
      await dispatch(outbox, { WEBHOOK_RETRY_BASE_MS: "60000" });
      const d = await recorded(deliveryId, 1);
      expect(d).toMatchObject({ status: "pending", attempts: 1 });
      expect(ms(d.next_attempt_at) - ms(d.last_attempt_at)).toBeGreaterThanOrEqual(30_000);
    });
  }

  it("Retry-After: 1 holds the next attempt back at least a second", async () => {
    const arrivals: number[] = [];
    const { deliveryId, outbox } = await setUp((n) => {
      arrivals.push(Date.now());
      return n === 1 ? { status: 429, headers: { "retry-after": "1" } } : { status: 200 };
    });
    await dispatch(outbox);
    expect(await recorded(deliveryId, 2)).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(1_000);
  });

  const failingFor = (id: string, sinceMsAgo: number, lastMsAgo: number) =>
    t.db.query(
      `UPDATE webhook_endpoints SET failing_since = now() - $2::int * interval '1 millisecond',
         last_failed_at = now() - $3::int * interval '1 millisecond' WHERE id = $1::uuid`,
      [id, sinceMsAgo, lastMsAgo],
    );

  it("one failure, a quiet day, one more failure: a new streak, not a disabled endpoint", async () => {
    const { endpointId, deliveryId, outbox } = await setUp(() => ({ status: 410 }));
    await failingFor(endpointId, 25 * HOUR, 23 * HOUR);
    await dispatch(outbox);
    expect(await recorded(deliveryId, 1)).toMatchObject({ status: "failed", response_code: 410 });
    const e = await endpoint(endpointId);
    expect(e).toMatchObject({ active: true, disabled_at: null });
    expect(ms(e.failing_since)).toBeGreaterThan(Date.now() - 60_000);
    expect(ms(e.last_failed_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("failing without a break (the last failure minutes ago) for the window disables the endpoint", async () => {
    const { endpointId, deliveryId, outbox } = await setUp(() => ({ status: 410 }));
    await failingFor(endpointId, 25 * HOUR, 10 * 60_000);
    await dispatch(outbox);
    await recorded(deliveryId, 1);
    const e = await endpoint(endpointId);
    expect(e.active).toBe(false);
    expect(e.disabled_at).not.toBeNull();
    expect(Date.now() - ms(e.failing_since)).toBeGreaterThan(24 * HOUR);
  });

  it("a delivery whose window ran out while nothing was sent fails on its one attempt; the endpoint stays on", async () => {
    const { endpointId, deliveryId, outbox } = await setUp(() => ({ status: 503 }));
    // Say every process was down for a day: the event waited past its retry window.
    await t.db.query(`UPDATE webhook_deliveries SET retry_from = now() - interval '25 hours' WHERE id = $1::bigint`, [deliveryId]);
    await dispatch(outbox);
    expect(await recorded(deliveryId, 1)).toMatchObject({ status: "failed", attempts: 1, response_code: 503 });
    expect(await endpoint(endpointId)).toMatchObject({ active: true, disabled_at: null });
  });
});
