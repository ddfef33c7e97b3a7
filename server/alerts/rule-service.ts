// Alert rules (admin): list, read, create, edit and delete them, and their firing state for the
// dashboard (every role). A rule's chat URL is kept as a webhook endpoint of kind 'chat' (the
// outbox's retries, SSRF guard and disabling apply to it), created, re-pointed and deleted with the
// rule in the same transaction. Matching and firing are the announcer's (server/alerts/announcer.ts).
import type { z } from "zod";
import type { AlertRule, AlertRuleFiring, alertRuleCreateSchema, alertRulePatchSchema } from "@/lib/contract/alert-rules";
import type { Actor, AuditEntry } from "@/lib/contract/audit";
import type { Prisma } from "@/generated/prisma/client";
import { AuditService } from "@/server/audit/audit-service";
import type { Database } from "@/server/db/client";
import { createdPage, OLDEST_FIRST, oldestFirst, wholeList, type Paging } from "@/server/http/cursor";
import { badRequest, notFound, unprocessable } from "@/server/http/errors";
import { refuseUrl } from "@/server/webhooks/address-guard";
import { auditUrl } from "@/server/webhooks/endpoint-service";
import type { WebhookOutbox } from "@/server/webhooks/outbox";
import { newSecret } from "@/server/webhooks/send";

type RuleCreate = z.output<typeof alertRuleCreateSchema>;
type RulePatch = z.output<typeof alertRulePatchSchema>;
type Tx = Prisma.TransactionClient;

const WITH_CHAT = { chatEndpoint: { select: { url: true } } } as const satisfies Prisma.AlertRuleInclude;
type Row = Prisma.AlertRuleGetPayload<{ include: typeof WITH_CHAT }>;

/** The condition arrays may be NULL in the table (a row written by hand or by SQL): none is "any". */
const listOf = <T>(v: readonly string[] | null) => (v ?? []) as T[];

const lastFiringOf = (r: Pick<Row, "lastFiredAt" | "lastFiredCount">): AlertRule["lastFiring"] =>
  r.lastFiredAt ? { at: r.lastFiredAt.toISOString(), count: r.lastFiredCount ?? 0 } : null;

const pendingOf = (r: Pick<Row, "pendingCount" | "pendingSince" | "updatedAt">): AlertRule["pending"] =>
  r.pendingCount > 0 ? { count: r.pendingCount, since: (r.pendingSince ?? r.updatedAt).toISOString() } : null;

function toRule(r: Row): AlertRule {
  const c = r as Omit<Row, "platforms" | "reasons" | "causes"> & Record<"platforms" | "reasons" | "causes", string[] | null>;
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    conditions: {
      platforms: listOf(c.platforms),
      reasons: listOf(c.reasons),
      causes: listOf(c.causes),
      minPriority: r.minPriority,
      minSightings: r.minSightings,
      pattern: r.pattern,
    },
    actions: {
      toast: r.toast,
      webhookEndpointId: r.webhookEndpointId,
      // Only the origin: the whole URL is the chat's credential.
      chatTarget: r.chatEndpoint ? auditUrl(r.chatEndpoint.url) : null,
    },
    throttleMinutes: r.throttleMinutes,
    lastFiring: lastFiringOf(r),
    firedTotal: r.firedTotal,
    pending: pendingOf(r),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a rule: its settings, the chat URL as its origin only (toRule). */
const snapshot = (r: AlertRule) => ({
  name: r.name,
  enabled: r.enabled,
  conditions: r.conditions,
  actions: r.actions,
  throttleMinutes: r.throttleMinutes,
});

const conditionColumns = (c: AlertRule["conditions"]) => ({
  platforms: c.platforms,
  reasons: c.reasons,
  causes: c.causes,
  minPriority: c.minPriority,
  minSightings: c.minSightings,
  pattern: c.pattern,
});

const chatDescription = (ruleName: string) => `Chat for alert rule "${ruleName}"`;

/** A rule's chat endpoint: sends the chat's own bodies, subscribes to no event. */
const chatEndpoint = (ruleName: string, url: string) => ({
  kind: "chat",
  url,
  events: [],
  description: chatDescription(ruleName),
  secret: newSecret(),
  active: true,
});

async function audit(tx: Tx, action: AuditEntry["action"], id: string, actor: Actor, before: AlertRule | null, after: AlertRule | null) {
  await AuditService.record(tx, {
    entityType: "alert_rule",
    entityId: id,
    action,
    actor,
    before: before && snapshot(before),
    after: after && snapshot(after),
    reason: null,
  });
}

/** A rule's webhook action names a standard endpoint of /api/webhooks: a chat one is no target. */
async function checkEndpoint(tx: Tx, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const found = await tx.webhookEndpoint.findFirst({ where: { id, kind: "standard" }, select: { id: true } });
  if (!found) {
    const message = "No webhook endpoint has this id (GET /api/webhooks lists them)";
    throw unprocessable(`The rule's webhook endpoint does not exist: ${id}`, [{ field: "body.actions.webhookEndpointId", message }]);
  }
}

export class AlertRuleService {
  constructor(
    private readonly db: Database,
    private readonly outbox: WebhookOutbox,
    private readonly allowPrivate: boolean,
  ) {}

  /** Oldest first, then by id; by cursor, the rules after the last one sent. */
  async list(paging: Paging = wholeList()): Promise<{ items: AlertRule[]; nextCursor: string | null }> {
    const found = await this.db.prisma.alertRule.findMany({ ...oldestFirst(paging), include: WITH_CHAT });
    const { items, nextCursor } = createdPage(paging, found);
    return { items: items.map(toRule), nextCursor };
  }

  async get(id: string): Promise<AlertRule> {
    const row = await this.db.prisma.alertRule.findUnique({ where: { id }, include: WITH_CHAT });
    if (!row) throw notFound(`Alert rule ${id}`);
    return toRule(row);
  }

  /** Every rule's latest notification and what waits for the next one, oldest rule first. */
  async firings(): Promise<{ items: AlertRuleFiring[] }> {
    const rows = await this.db.prisma.alertRule.findMany({
      orderBy: OLDEST_FIRST,
      select: {
        id: true,
        name: true,
        enabled: true,
        lastFiredAt: true,
        lastFiredCount: true,
        pendingCount: true,
        pendingSince: true,
        updatedAt: true,
      },
    });
    return { items: rows.map((r) => ({ id: r.id, name: r.name, enabled: r.enabled, lastFiring: lastFiringOf(r), pending: pendingOf(r) })) };
  }

  async create(body: RuleCreate, actor: Actor): Promise<AlertRule> {
    const { chatUrl } = body.actions;
    if (chatUrl) await this.checkChatUrl(chatUrl);
    return this.db.prisma.$transaction(async (tx) => {
      await checkEndpoint(tx, body.actions.webhookEndpointId);
      const chat = chatUrl ? await tx.webhookEndpoint.create({ data: chatEndpoint(body.name, chatUrl), select: { id: true } }) : null;
      const created = toRule(
        await tx.alertRule.create({
          data: {
            name: body.name,
            enabled: body.enabled,
            ...conditionColumns(body.conditions),
            toast: body.actions.toast,
            webhookEndpointId: body.actions.webhookEndpointId,
            chatEndpointId: chat?.id ?? null,
            throttleMinutes: body.throttleMinutes,
          },
          include: WITH_CHAT,
        }),
      );
      await audit(tx, "alert_rule_created", created.id, actor, null, created);
      return created;
    });
  }

  /**
   * Only the fields sent change; of `actions`, only the action fields sent. Its firing state (last
   * firing, what is pending) is kept whatever changes.
   */
  async patch(id: string, patch: RulePatch, actor: Actor): Promise<AlertRule> {
    const actions = patch.actions ?? {};
    if (actions.chatUrl) await this.checkChatUrl(actions.chatUrl);
    const rule = await this.db.prisma.$transaction(async (tx) => {
      const before = await tx.alertRule.findUnique({ where: { id }, include: WITH_CHAT });
      if (!before) throw notFound(`Alert rule ${id}`);
      await checkEndpoint(tx, actions.webhookEndpointId);
      const toast = actions.toast ?? before.toast;
      const webhookEndpointId = actions.webhookEndpointId === undefined ? before.webhookEndpointId : actions.webhookEndpointId;
      const chat = actions.chatUrl === undefined ? before.chatEndpointId !== null : actions.chatUrl !== null;
      if (!toast && !webhookEndpointId && !chat) {
        const message = "Choose at least one action: a toast, a webhook endpoint or a chat URL";
        throw unprocessable(`The rule would have no action left. ${message}`, [{ field: "body.actions", message }]);
      }
      const name = patch.name ?? before.name;
      const updated = await tx.alertRule.update({
        where: { id },
        data: {
          name,
          ...(patch.enabled !== undefined && { enabled: patch.enabled }),
          ...(patch.conditions && conditionColumns(patch.conditions)),
          ...(patch.throttleMinutes !== undefined && { throttleMinutes: patch.throttleMinutes }),
          toast,
          webhookEndpointId,
          chatEndpointId: await this.applyChat(tx, before, actions.chatUrl, name),
        },
        include: WITH_CHAT,
      });
      const after = toRule(updated);
      await audit(tx, "alert_rule_updated", id, actor, toRule(before), after);
      return after;
    });
    // A chat endpoint pointed elsewhere is active again: what waited for it is due now.
    if (actions.chatUrl) this.outbox.written();
    return rule;
  }

  /** Deletes the rule with its chat endpoint (and that endpoint's delivery log). */
  async remove(id: string, actor: Actor): Promise<void> {
    await this.db.prisma.$transaction(async (tx) => {
      const before = await tx.alertRule.findUnique({ where: { id }, include: WITH_CHAT });
      if (!before) throw notFound(`Alert rule ${id}`);
      await tx.alertRule.delete({ where: { id } });
      if (before.chatEndpointId) await tx.webhookEndpoint.deleteMany({ where: { id: before.chatEndpointId, kind: "chat" } });
      await audit(tx, "alert_rule_deleted", id, actor, toRule(before), null);
    });
  }

  /**
   * The rule's chat endpoint after a PATCH: `chatUrl` left out keeps it (its description follows
   * the rule's name), null deletes it, a URL re-points it (switched on again, its failing streak
   * over) or creates it. The endpoint's id, or null.
   */
  private async applyChat(tx: Tx, before: Row, chatUrl: string | null | undefined, name: string): Promise<string | null> {
    const id = before.chatEndpointId;
    if (chatUrl === null) {
      if (id) await tx.webhookEndpoint.deleteMany({ where: { id, kind: "chat" } });
      return null;
    }
    if (!id) return chatUrl ? (await tx.webhookEndpoint.create({ data: chatEndpoint(name, chatUrl), select: { id: true } })).id : null;
    const repoint = chatUrl ? { url: chatUrl, active: true, failingSince: null, disabledAt: null } : {};
    await tx.webhookEndpoint.update({ where: { id }, data: { description: chatDescription(name), ...repoint } });
    return id;
  }

  private async checkChatUrl(url: string): Promise<void> {
    const refused = await refuseUrl(url, this.allowPrivate);
    if (refused) throw badRequest(`The chat URL is refused: ${refused}`, [{ field: "body.actions.chatUrl", message: refused }]);
  }
}
