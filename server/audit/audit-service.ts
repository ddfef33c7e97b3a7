// The history of every status, notes and mapping change: the one writer (`AuditService.record`,
// called inside the transaction that makes the change, so the change and its history commit or
// roll back together) and the reader behind /api/audit and the history routes.
//
// One more writer exists, in SQL: the flush statement reopens regressed markets and audits them in
// its own CTE (`audit AS (INSERT INTO audit_log …)` in server/discovery/flush-sql.ts), because the
// reopening happens inside that one statement. It must stay in step with `AuditRecord` below:
//   entity_type 'unmapped_market', entity_id the market id as text, action 'regressed' (one of the
//   contract's AUDIT_ACTIONS), actor_type and actor 'scraper', actor_id NULL, before {"status":"MAPPED"}, after {"status":"NEW"},
//   a reason in words, and created_at from the column default (now()), like every row written here.
import type { Actor, AuditEntry, AuditQuery } from "@/lib/contract/audit";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";

/** An audit_log row as Prisma reads it (a raw query aliasing the columns so gives the same: the activity timeline). */
export type AuditRow = Awaited<ReturnType<PrismaClient["auditEntry"]["findFirstOrThrow"]>>;
type Row = AuditRow;

/** One change to record: the contract's entry without what the database assigns (id, createdAt). */
export type AuditRecord = Pick<AuditEntry, "entityType" | "entityId" | "action"> & {
  actor: Actor;
  /** The changed fields before and after; null (or left out) when there was nothing before or is nothing after. */
  before?: AuditEntry["before"];
  after?: AuditEntry["after"];
  reason?: string | null;
};

/** jsonb NULL is stored as SQL NULL, so a missing before/after reads back as null. */
const jsonValue = (v: unknown) => (v === null || v === undefined ? undefined : (v as Prisma.InputJsonValue));

/** A mapping's name as its change recorded it (the snapshots carry it). */
const mappingName = (r: Row): string | null => {
  for (const snapshot of [r.after, r.before]) {
    const name = (snapshot as { name?: unknown } | null)?.name;
    if (typeof name === "string") return name;
  }
  return null;
};

/** The one mapping of a row to the contract's entry (history, audit trail, activity timeline). */
export const toEntry = (r: Row, marketNames: ReadonlyMap<string, string>): AuditEntry => ({
  id: r.id,
  entityType: r.entityType as AuditEntry["entityType"],
  entityId: r.entityId,
  entityName: r.entityType === "unmapped_market" ? (marketNames.get(r.entityId) ?? null) : mappingName(r),
  action: r.action as AuditEntry["action"],
  actorType: r.actorType as AuditEntry["actorType"],
  actorId: r.actorId,
  actor: r.actor,
  before: r.before ?? null,
  after: r.after ?? null,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});

export class AuditService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Writes history rows in the caller's transaction (or with the client itself for a change of one row). */
  static async record(tx: Prisma.TransactionClient | PrismaClient, entries: AuditRecord | readonly AuditRecord[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries as AuditRecord];
    if (list.length === 0) return;
    await tx.auditEntry.createMany({
      data: list.map((e) => ({
        entityType: e.entityType,
        entityId: e.entityId,
        action: e.action,
        actorType: e.actor.type,
        actorId: e.actor.id,
        actor: e.actor.name,
        before: jsonValue(e.before),
        after: jsonValue(e.after),
        reason: e.reason ?? null,
      })),
    });
  }

  async list(q: AuditQuery) {
    const where = {
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.actorType ? { actorType: q.actorType } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.auditEntry.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
      this.prisma.auditEntry.count({ where }),
    ]);
    // Names for people to read (the dashboard's recent changes), one query for the page.
    const marketIds = [...new Set(rows.filter((r) => r.entityType === "unmapped_market").map((r) => Number(r.entityId)))].filter(
      Number.isSafeInteger,
    );
    const markets = marketIds.length
      ? await this.prisma.unmappedMarket.findMany({ where: { id: { in: marketIds } }, select: { id: true, marketName: true } })
      : [];
    const marketNames = new Map(markets.map((m) => [String(m.id), m.marketName]));
    return { items: rows.map((r) => toEntry(r, marketNames)), total, page: q.page, pageSize: q.pageSize };
  }
}
