// The outbox: an event is written in the transaction of the change that caused it (a triage
// change, a mapping write, a run's end; the flush writes its own in its statement, see
// server/discovery/flush-sql.ts), with one delivery row per active endpoint subscribed to its
// type. Nothing is written while no active endpoint subscribes: which types have one is cached
// here, reloaded when an endpoint changes (in every process, through NOTIFY), so a change pays
// nothing for webhooks nobody wants.
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

/** The statement both writes run: the event, and a delivery to each active endpoint subscribed (or the one named). */
const WRITE_SQL = `WITH ev AS (
    INSERT INTO webhook_events (id, type, payload) VALUES ($1::uuid, $2::text, $3::jsonb) RETURNING id, type
  )
  INSERT INTO webhook_deliveries (event_id, endpoint_id)
  SELECT ev.id, e.id FROM ev JOIN webhook_endpoints e
    ON CASE WHEN $4::uuid IS NULL THEN e.active AND ev.type = ANY(e.events) ELSE e.id = $4::uuid END
  ORDER BY e.id
  RETURNING id`;

const envelopeOf = <T extends WebhookPayloadType>(type: T, data: WebhookEventData<T>) => ({
  type,
  timestamp: new Date().toISOString(),
  data,
});

export class WebhookOutbox {
  private types = new Set<string>();
  private readonly wakers = new Set<() => void>();

  constructor(private readonly db: Database) {}

  /** Loads the subscribed types, and keeps them current when another process changes an endpoint. */
  async start(): Promise<void> {
    await this.db.listen(ENDPOINTS_CHANNEL, () => void this.reload().catch((e) => log.error("[webhooks] reload failed:", e)));
    await this.db.listen(OUTBOX_CHANNEL, () => this.wake());
    await this.reload();
  }

  async reload(): Promise<void> {
    const rows = await this.db.query<{ type: string }>(`SELECT DISTINCT unnest(events) AS type FROM webhook_endpoints WHERE active`);
    this.types = new Set(rows.map((r) => r.type));
  }

  /** After an endpoint change in this process: reload here and tell the others. */
  async endpointsChanged(): Promise<void> {
    await this.reload();
    await this.db.notify(ENDPOINTS_CHANNEL).catch(() => undefined);
  }

  subscribed(type: string): boolean {
    return this.types.has(type);
  }

  /** The subscribed types as the flush statement's text[] parameter ('{}' when none: it writes nothing). */
  flushTypes(): string {
    return `{${[...this.types].filter((t) => t.startsWith("unmapped.")).join(",")}}`;
  }

  /**
   * Writes the event in the caller's transaction when an active endpoint subscribes to its type.
   * Call written() after the commit.
   * @returns whether anything was written.
   */
  async write<T extends WebhookPayloadType>(tx: Tx, type: T, data: WebhookEventData<T>): Promise<boolean> {
    if (!this.subscribed(type)) return false;
    await tx.$queryRawUnsafe(WRITE_SQL, randomUUID(), type, JSON.stringify(envelopeOf(type, data)), null);
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
    for (const t of this.types) {
      if (t.startsWith(prefix)) return this.written();
    }
  }

  /** New outbox rows committed: wake this process's dispatcher now, and the other processes'. */
  written(): void {
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
