// Webhook endpoints (admin): create (the secret shown once), edit, delete, rotate the secret (the
// previous one keeps signing for 24 h), the delivery log, redelivery and "send test event".
import type { Actor } from "@/lib/contract/audit";
import {
  WEBHOOK_TEST_EVENT,
  type Webhook,
  type WebhookCreate,
  type WebhookDelivery,
  type WebhookEventType,
  type WebhookPatch,
  type WebhookWithSecret,
} from "@/lib/contract/webhooks";
import type { PrismaClient } from "@/generated/prisma/client";
import { AuditService } from "@/server/audit/audit-service";
import type { Database } from "@/server/db/client";
import { afterKey, createdPage, cursorPage, oldestFirst, takeOf, wholeList, type Paging } from "@/server/http/cursor";
import { badRequest, notFound } from "@/server/http/errors";
import { refuseUrl } from "./address-guard";
import type { WebhookOutbox } from "./outbox";
import { newSecret } from "./send";

/** How long the previous secret keeps signing after a rotation, so receivers can switch over. */
const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/**
 * The endpoints this service (and /api/webhooks) knows: an alert rule's chat endpoint (kind 'chat')
 * is the rule's, changed only with it (server/alerts/rule-service.ts), so here its id is unknown.
 */
const STANDARD = { kind: "standard" } as const;

type Row = Awaited<ReturnType<PrismaClient["webhookEndpoint"]["findFirstOrThrow"]>>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * The URL as the audit trail keeps it: scheme://host[:port] only. Viewers read the trail, and a
 * receiver's path, query or user info often carries its credential (Slack hook paths, ?token=).
 */
export const auditUrl = (url: string): string => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
};

function toWebhook(r: Row): Webhook {
  return {
    id: r.id,
    url: r.url,
    events: r.events as WebhookEventType[],
    description: r.description,
    active: r.active,
    failingSince: iso(r.failingSince),
    disabledAt: iso(r.disabledAt),
    previousSecretExpiresAt: r.previousSecretExpiresAt && r.previousSecretExpiresAt > new Date() ? iso(r.previousSecretExpiresAt) : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

interface DeliveryRow {
  id: string;
  event_id: string;
  type: string;
  status: WebhookDelivery["status"];
  attempts: number;
  response_code: number | null;
  duration_ms: number | null;
  error: string | null;
  next_attempt_at: Date | string;
  last_attempt_at: Date | string | null;
  created_at: Date | string;
}

const isoOf = (v: Date | string) => new Date(v).toISOString();

function toDelivery(r: DeliveryRow): WebhookDelivery {
  return {
    id: String(r.id),
    eventId: r.event_id,
    eventType: r.type,
    status: r.status,
    attempts: Number(r.attempts),
    responseCode: r.response_code === null ? null : Number(r.response_code),
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    error: r.error,
    nextAttemptAt: r.status === "pending" ? isoOf(r.next_attempt_at) : null,
    lastAttemptAt: r.last_attempt_at === null ? null : isoOf(r.last_attempt_at),
    createdAt: isoOf(r.created_at),
  };
}

const DELIVERY_COLUMNS = `d.id::text AS id, d.event_id, v.type, d.status, d.attempts, d.response_code, d.duration_ms, d.error,
  d.next_attempt_at, d.last_attempt_at, d.created_at`;

export class WebhookService {
  constructor(
    private readonly db: Database,
    private readonly outbox: WebhookOutbox,
    private readonly allowPrivate: boolean,
  ) {}

  /** Oldest first, then by id; by cursor, the endpoints after the last one sent. */
  async list(paging: Paging = wholeList()): Promise<{ items: Webhook[]; nextCursor: string | null }> {
    const found = await this.db.prisma.webhookEndpoint.findMany(oldestFirst(paging, STANDARD));
    const { items, nextCursor } = createdPage(paging, found);
    return { items: items.map(toWebhook), nextCursor };
  }

  async get(id: string): Promise<Webhook> {
    return toWebhook(await this.row(id));
  }

  async create(body: WebhookCreate, actor: Actor): Promise<WebhookWithSecret> {
    await this.checkUrl(body.url);
    const secret = newSecret();
    const row = await this.db.prisma.$transaction(async (tx) => {
      const created = await tx.webhookEndpoint.create({
        data: { url: body.url, events: body.events, description: body.description ?? "", active: body.active ?? true, secret },
      });
      await AuditService.record(tx, {
        entityType: "webhook",
        entityId: created.id,
        action: "webhook_created",
        actor,
        before: null,
        after: { url: auditUrl(created.url), events: created.events, active: created.active },
        reason: null,
      });
      return created;
    });
    await this.outbox.endpointsChanged();
    return { ...toWebhook(row), secret };
  }

  async update(id: string, patch: WebhookPatch, actor: Actor): Promise<Webhook> {
    if (patch.url !== undefined) await this.checkUrl(patch.url);
    const row = await this.db.prisma.$transaction(async (tx) => {
      const before = await tx.webhookEndpoint.findFirst({ where: { id, ...STANDARD } });
      if (!before) throw notFound(`Webhook ${id}`);
      const reactivated = patch.active === true && !before.active;
      const updated = await tx.webhookEndpoint.update({
        where: { id },
        data: {
          ...(patch.url !== undefined && { url: patch.url }),
          ...(patch.events !== undefined && { events: patch.events }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.active !== undefined && { active: patch.active }),
          // Switched back on by a person: its failing streak starts over.
          ...(reactivated && { failingSince: null, disabledAt: null }),
        },
      });
      await AuditService.record(tx, {
        entityType: "webhook",
        entityId: id,
        action: "webhook_updated",
        actor,
        before: { url: auditUrl(before.url), events: before.events, description: before.description, active: before.active },
        after: { url: auditUrl(updated.url), events: updated.events, description: updated.description, active: updated.active },
        reason: null,
      });
      return updated;
    });
    await this.outbox.endpointsChanged();
    if (patch.active) this.outbox.written(); // its waiting deliveries are due again
    return toWebhook(row);
  }

  /** Deletes the endpoint with its delivery log. */
  async remove(id: string, actor: Actor): Promise<void> {
    await this.db.prisma.$transaction(async (tx) => {
      const before = await tx.webhookEndpoint.findFirst({ where: { id, ...STANDARD } });
      if (!before) throw notFound(`Webhook ${id}`);
      await tx.webhookEndpoint.delete({ where: { id } });
      await AuditService.record(tx, {
        entityType: "webhook",
        entityId: id,
        action: "webhook_deleted",
        actor,
        before: { url: auditUrl(before.url), events: before.events, active: before.active },
        after: null,
        reason: null,
      });
    });
    await this.outbox.endpointsChanged();
  }

  /** A new secret, shown once; the current one keeps signing (beside it) for 24 h. */
  async rotate(id: string, actor: Actor): Promise<WebhookWithSecret> {
    const secret = newSecret();
    const row = await this.db.prisma.$transaction(async (tx) => {
      const before = await tx.webhookEndpoint.findFirst({ where: { id, ...STANDARD } });
      if (!before) throw notFound(`Webhook ${id}`);
      const updated = await tx.webhookEndpoint.update({
        where: { id },
        data: { secret, previousSecret: before.secret, previousSecretExpiresAt: new Date(Date.now() + ROTATION_OVERLAP_MS) },
      });
      await AuditService.record(tx, {
        entityType: "webhook",
        entityId: id,
        action: "webhook_secret_rotated",
        actor,
        before: null,
        after: { previousSecretExpiresAt: updated.previousSecretExpiresAt?.toISOString() ?? null },
        reason: null,
      });
      return updated;
    });
    return { ...toWebhook(row), secret };
  }

  /** The newest deliveries first (by id); by cursor, the ones older than the last one sent. */
  async deliveries(id: string, paging: Paging): Promise<{ items: WebhookDelivery[]; nextCursor: string | null }> {
    await this.row(id);
    const before = afterKey(paging)?.[0] ?? null;
    const take = takeOf(paging);
    const rows = await this.db.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events v ON v.id = d.event_id
       WHERE d.endpoint_id = $1::uuid AND ($2::bigint IS NULL OR d.id < $2::bigint) ORDER BY d.id DESC LIMIT $3::int`,
      [id, before, take ?? null],
    );
    const { items, nextCursor } = cursorPage(paging, rows, (r) => [String(r.id)]);
    return { items: items.map(toDelivery), nextCursor };
  }

  /**
   * Sends a delivery again with the same webhook-id (receivers dedupe on it), retried for a fresh
   * window. It keeps its place in the endpoint's queue: the later ones wait for it.
   */
  async redeliver(id: string, deliveryId: string): Promise<WebhookDelivery> {
    await this.row(id);
    const rows = await this.db.query<DeliveryRow>(
      `WITH d AS (
         UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now(), retry_from = now(), leased_until = NULL
         WHERE id = $2::bigint AND endpoint_id = $1::uuid AND status <> 'pending' RETURNING *
       ), cur AS (
         SELECT * FROM d UNION ALL
         SELECT * FROM webhook_deliveries WHERE id = $2::bigint AND endpoint_id = $1::uuid AND NOT EXISTS (SELECT 1 FROM d)
       )
       SELECT ${DELIVERY_COLUMNS} FROM cur d JOIN webhook_events v ON v.id = d.event_id`,
      [id, deliveryId],
    );
    if (rows.length === 0) throw notFound(`Delivery ${deliveryId} of webhook ${id}`);
    this.outbox.written();
    return toDelivery(rows[0]);
  }

  /** A webhook.test event to this endpoint only, queued behind its other deliveries. */
  async sendTest(id: string): Promise<WebhookDelivery> {
    await this.row(id);
    const deliveryId = await this.outbox.writeTo(id, WEBHOOK_TEST_EVENT, {
      endpointId: id,
      message: "A test event from Market Triage: the signature verifies with this endpoint's secret",
    });
    const rows = await this.db.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events v ON v.id = d.event_id WHERE d.id = $1::bigint`,
      [deliveryId],
    );
    return toDelivery(rows[0]);
  }

  private async row(id: string): Promise<Row> {
    const row = await this.db.prisma.webhookEndpoint.findFirst({ where: { id, ...STANDARD } });
    if (!row) throw notFound(`Webhook ${id}`);
    return row;
  }

  private async checkUrl(url: string): Promise<void> {
    const refused = await refuseUrl(url, this.allowPrivate);
    if (refused) throw badRequest(`The webhook URL is refused: ${refused}`, [{ field: "body.url", message: refused }]);
  }
}
