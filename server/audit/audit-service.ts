// The history of every status, notes and mapping change.
import type { AuditEntry, AuditQuery } from "@/lib/contract/audit";
import type { PrismaClient } from "@/generated/prisma/client";

type Row = Awaited<ReturnType<PrismaClient["auditEntry"]["findFirstOrThrow"]>>;

/** A mapping's name as its change recorded it (the snapshots carry it). */
const mappingName = (r: Row): string | null => {
  for (const snapshot of [r.after, r.before]) {
    const name = (snapshot as { name?: unknown } | null)?.name;
    if (typeof name === "string") return name;
  }
  return null;
};

const toEntry = (r: Row, marketNames: Map<string, string>): AuditEntry => ({
  id: r.id,
  entityType: r.entityType as AuditEntry["entityType"],
  entityId: r.entityId,
  entityName: r.entityType === "unmapped_market" ? (marketNames.get(r.entityId) ?? null) : mappingName(r),
  action: r.action as AuditEntry["action"],
  actor: r.actor,
  before: r.before ?? null,
  after: r.after ?? null,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});

export class AuditService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(q: AuditQuery) {
    const where = {
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
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
