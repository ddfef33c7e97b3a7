// The outbox: an event is written in the transaction of the change that caused it (a triage
// change, a mapping write, a run's end; a flush's announcements are written by its announce step,
// see server/alerts/announce-sql.ts), with one delivery row per active endpoint subscribed to its
// type. Nothing is written while no active endpoint subscribes. The statement itself decides that
// (it reads the endpoints in the writing transaction), so an endpoint another process created
// gets the very next event, whether or not this process has had its NOTIFY yet.
// Which types have a subscriber is also cached here (reloaded when an endpoint changes, in every
// process through NOTIFY, and at least every CACHE_MAX_AGE_MS), only to know whether to wake the
// dispatcher after a commit.
import { randomUUID } from "node:crypto";
import type { WebhookEventData, WebhookPayloadType } from "@/lib/contract/webhooks";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { log } from "@/server/log";

type Tx = Prisma.TransactionClient;

/** Another process wrote outbox rows: wake the dispatcher. */
const OUTBOX_CHANNEL = "market_triage_webhook_outbox";
/** Another process changed an endpoint: reload the subscriptions. */
const ENDPOINTS_CHANNEL = "market_triage_webhook_endpoints";

/**
 * The statement both writes run: a delivery to each active endpoint subscribed (or the one named),
 * and the event only when there is at least one.
 */
const WRITE_SQL = `WITH target AS (
    SELECT e.id FROM webhook_endpoints e
    WHERE CASE WHEN $4::uuid IS NULL THEN e.active AND $2::text = ANY(e.events) ELSE e.id = $4::uuid END
  ), ev AS (
    INSERT INTO webhook_events (id, type, payload)
    SELECT $1::uuid, $2::text, $3::jsonb WHERE EXISTS (SELECT 1 FROM target) RETURNING id
  )
  INSERT INTO webhook_deliveries (event_id, endpoint_id)
  SELECT ev.id, target.id FROM ev CROSS JOIN target
  ORDER BY target.id
  RETURNING id`;

/** How old the cached subscriptions may get before the next read reloads them (a lost NOTIFY's bound). */
const CACHE_MAX_AGE_MS = 10_000;

export const envelopeOf = <T extends WebhookPayloadType>(type: T, data: WebhookEventData<T>) => ({
  type,
  timestamp: new Date().toISOString(),
  data,
});

export class WebhookOutbox {
  private types = new Set<string>();
  private loadedAt = 0;
  private reloading: Promise<void> | null = null;
  /** A write found subscribers since the last wake: wake after the commit whatever the cache says. */
  private unannounced = false;
  private readonly wakers = new Set<() => void>();

  constructor(private readonly db: Database) {}

  /** Loads the subscribed types, and keeps them current when another process changes an endpoint. */
  async start(): Promise<void> {
    await this.db.listen(ENDPOINTS_CHANNEL, () => void this.reload().catch((e) => log.error("[webhooks] reload failed:", e)));
    await this.db.listen(OUTBOX_CHANNEL, () => this.wake());
    await this.reload();
  }

  async reload(): Promise<void> {
    const startedAt = Date.now();
    const rows = await this.db.query<{ type: string }>(`SELECT DISTINCT unnest(events) AS type FROM webhook_endpoints WHERE active`);
    this.types = new Set(rows.map((r) => r.type));
    this.loadedAt = startedAt;
  }

  /** Reloads in the background when the cache is older than CACHE_MAX_AGE_MS (one reload at a time). */
  private refreshIfOld(): void {
    if (this.reloading || Date.now() - this.loadedAt < CACHE_MAX_AGE_MS) return;
    this.reloading = this.reload()
      .catch((e) => log.error("[webhooks] reload failed:", e))
      .finally(() => (this.reloading = null));
  }

  /** After an endpoint change in this process: reload here and tell the others. */
  async endpointsChanged(): Promise<void> {
    await this.reload();
    await this.db.notify(ENDPOINTS_CHANNEL).catch(() => undefined);
  }

  /** Whether this process's cache knows an active endpoint subscribed to the type. */
  subscribed(type: string): boolean {
    return this.types.has(type);
  }

  /**
   * Writes the event in the caller's transaction when an active endpoint subscribes to its type
   * (the statement reads the endpoints: the cache is not asked). Call wakeFor() after the commit.
   * @returns whether anything was written.
   */
  async write<T extends WebhookPayloadType>(tx: Tx, type: T, data: WebhookEventData<T>): Promise<boolean> {
    const rows = await tx.$queryRawUnsafe<unknown[]>(WRITE_SQL, randomUUID(), type, JSON.stringify(envelopeOf(type, data)), null);
    if (rows.length === 0) return false;
    this.unannounced = true;
    // The cache did not know this subscriber yet (its NOTIFY is still on the way): catch up now.
    if (!this.types.has(type)) void this.reload().catch((e) => log.error("[webhooks] reload failed:", e));
    return true;
  }

  /** One event to one endpoint whatever it subscribes to ("send test event"); its delivery id. */
  async writeTo<T extends WebhookPayloadType>(endpointId: string, type: T, data: WebhookEventData<T>): Promise<string> {
    const rows = await this.db.query<{ id: string | number }>(WRITE_SQL, [
      randomUUID(),
      type,
      JSON.stringify(envelopeOf(type, data)),
      endpointId,
    ]);
    this.written();
    return String(rows[0].id);
  }

  /** After a commit that may have written events of these types (a prefix: "mapping."): wake if any is subscribed. */
  wakeFor(prefix: string): void {
    this.refreshIfOld();
    if (this.unannounced) return this.written();
    for (const t of this.types) {
      if (t.startsWith(prefix)) return this.written();
    }
  }

  /** New outbox rows committed: wake this process's dispatcher now, and the other processes'. */
  written(): void {
    this.unannounced = false;
    this.wake();
    void this.db.notify(OUTBOX_CHANNEL).catch(() => undefined);
  }

  onWritten(wake: () => void): () => void {
    this.wakers.add(wake);
    return () => this.wakers.delete(wake);
  }

  private wake(): void {
    for (const w of this.wakers) w();
  }
}

/**
 * One event to one endpoint in the caller's transaction, whatever it subscribes to (an alert rule's
 * webhook or chat action); `payload` is the body as sent. Call WebhookOutbox.written() after the commit.
 */
export async function writeEventTo(tx: Tx, endpointId: string, type: string, payload: unknown): Promise<void> {
  await tx.$queryRawUnsafe(WRITE_SQL, randomUUID(), type, JSON.stringify(payload), endpointId);
}
