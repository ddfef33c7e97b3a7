// The history of every status, notes and mapping change.
import type { AuditEntry, AuditQuery } from "@/lib/contract/audit";
import type { PrismaClient } from "@/generated/prisma/client";

type Row = Awaited<ReturnType<PrismaClient["auditEntry"]["findFirstOrThrow"]>>;

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  entityType: r.entityType as AuditEntry["entityType"],
  entityId: r.entityId,
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
    return { items: rows.map(toEntry), total, page: q.page, pageSize: q.pageSize };
  }
}
