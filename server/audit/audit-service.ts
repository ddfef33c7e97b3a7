// The history of every status, notes and mapping change: the writer of single changes
// (`AuditService.record`, called inside the transaction that makes the change, so the change and
// its history commit or roll back together) and the reader behind /api/audit and the history routes.
//
// Two set-based writers exist in SQL, because their changes are one statement over many markets
// and their history must be written by that same statement:
// - the triage change statement (PATCH, bulk, undo): `auditCte` in server/triage/change-sql.ts,
//   one row per market per changed field: status_changed {status}, notes_changed {notes},
//   assignee_changed {assignee: {id, name} | null}, snoozed / unsnoozed {snooze: {until, sightings,
//   escalating} | null}; actor and reason are the request's (parameters);
// - the flush statement: `AUDIT_CTE` in server/discovery/flush-triage-sql.ts, actor the scraper
//   (actor_type and actor 'scraper', actor_id NULL): regressed {"status":"MAPPED"} -> {"status":"NEW"},
//   unsnoozed {status, snooze} -> {status: NEW, cause}, escalated {escalating:false} ->
//   {escalating, runId, sightings, baseline}; each with a reason in words.
// Both must keep in step with `record` below: the columns of AUDIT_COLUMNS (a SQL writer inserts
// into AUDIT_COLUMN_LIST, in that order), entity_type 'unmapped_market', entity_id the market id
// as text, an action of the contract's AUDIT_ACTIONS, before/after as jsonb objects (SQL NULL for
// none, which reads back as null), and created_at and id from the column defaults.
import type { Actor, AuditEntry, AuditQuery } from "@/lib/contract/audit";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { afterTimestamp, cursorPage, pageFields, rowWindow, type Paging } from "@/server/http/cursor";

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

/**
 * audit_log's columns every writer fills, by the field of `record`'s row that fills each: the one
 * list the SQL writers insert into (AUDIT_COLUMN_LIST). Typed against Prisma's model, so a column
 * added to audit_log without a place here fails the type check.
 */
const AUDIT_COLUMNS = {
  entityType: "entity_type",
  entityId: "entity_id",
  action: "action",
  actorType: "actor_type",
  actorId: "actor_id",
  actor: "actor",
  before: "before",
  after: "after",
  reason: "reason",
} as const satisfies Record<Exclude<keyof Prisma.AuditEntryCreateManyInput, "id" | "createdAt">, string>;

/** `INSERT INTO audit_log (${AUDIT_COLUMN_LIST}) SELECT …`: a SQL writer's values in this order. */
export const AUDIT_COLUMN_LIST = Object.values(AUDIT_COLUMNS).join(", ");

/** jsonb NULL is stored as SQL NULL, so a missing before/after reads back as null. */
const jsonValue = (v: unknown) => (v === null || v === undefined ? undefined : (v as Prisma.InputJsonValue));

/** The row `record` writes for an entry: a value for each of AUDIT_COLUMNS, no more. */
const rowOf = (e: AuditRecord) =>
  ({
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    actorType: e.actor.type,
    actorId: e.actor.id,
    actor: e.actor.name,
    before: jsonValue(e.before),
    after: jsonValue(e.after),
    reason: e.reason ?? null,
  }) satisfies Record<keyof typeof AUDIT_COLUMNS, unknown>;

/**
 * A mapping's name as its change recorded it (the snapshots carry it); a webhook's is its URL as
 * recorded, which is only its origin (server/webhooks/endpoint-service.ts).
 */
const snapshotName = (r: Row): string | null => {
  const key = r.entityType === "webhook" ? "url" : "name";
  for (const snapshot of [r.after, r.before]) {
    const name = (snapshot as Record<string, unknown> | null)?.[key];
    if (typeof name === "string") return name;
  }
  return null;
};

/** The one mapping of a row to the contract's entry (history, audit trail, activity timeline). */
export const toEntry = (r: Row, marketNames: ReadonlyMap<string, string>): AuditEntry => ({
  id: r.id,
  entityType: r.entityType as AuditEntry["entityType"],
  entityId: r.entityId,
  entityName: r.entityType === "unmapped_market" ? (marketNames.get(r.entityId) ?? null) : snapshotName(r),
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
      data: list.map(rowOf),
    });
  }

  /** Newest first; by cursor, the entries after the last one sent in (createdAt, id) descending order. */
  async list(q: AuditQuery, paging: Paging = { mode: "page", page: q.page, pageSize: q.pageSize }) {
    const where = {
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.actorType ? { actorType: q.actorType } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
    };
    const { limit, offset } = rowWindow(paging);
    const keyset = afterTimestamp(paging, "createdAt", "desc");
    const [found, total] = await Promise.all([
      this.prisma.auditEntry.findMany({
        where: { ...where, ...keyset },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: offset,
        take: limit,
      }),
      this.prisma.auditEntry.count({ where }),
    ]);
    const { items: rows, nextCursor } = cursorPage(paging, found, (r) => [r.createdAt.toISOString(), r.id]);
    // Names for people to read (the dashboard's recent changes), one query for the page.
    const marketIds = [...new Set(rows.filter((r) => r.entityType === "unmapped_market").map((r) => Number(r.entityId)))].filter(
      Number.isSafeInteger,
    );
    const markets = marketIds.length
      ? await this.prisma.unmappedMarket.findMany({ where: { id: { in: marketIds } }, select: { id: true, marketName: true } })
      : [];
    const marketNames = new Map(markets.map((m) => [String(m.id), m.marketName]));
    return { items: rows.map((r) => toEntry(r, marketNames)), nextCursor, total, ...pageFields(paging) };
  }
}
