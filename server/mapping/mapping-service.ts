// Mappings as the scraper sees them (the built-in catalog merged with active user mappings) and
// every change to them. Each change is one transaction holding a lock that serialises mapping
// writes across processes, validates against the merged set inside it, writes the audit trail,
// and reloads this process's cache before returning, so the next lookup uses it.
import type { MappingCreate, MappingDetail, MappingItem, MappingListQuery, MappingOutcomeDto, MappingPatch } from "@/lib/contract/mappings";
import type { Prisma, PrismaClient, UserMapping } from "@/generated/prisma/client";
import { AuditService } from "@/server/audit/audit-service";
import { LOCKS } from "@/server/db/locks";
import { pageInMemory, type Paging } from "@/server/http/cursor";
import { conflict, HttpError, notFound, preconditionFailed } from "@/server/http/errors";
import { MappingCache } from "./cache";
import { builtinCatalog, mergeMappings, type MappingEntry } from "./catalog";
import type { Actor } from "@/lib/contract/audit";
import type { WebhookOutbox } from "@/server/webhooks/outbox";

export type Tx = Prisma.TransactionClient;

/** The platform ids a mapping holds, with how a conflict names them. */
const HELD_IDS = [
  ["sportybetId", "sportybet market"],
  ["bet9jaKey", "Bet9ja market key"],
] as const;

export const unprocessable = (detail: string, field: string) =>
  new HttpError(422, "Unprocessable Content", detail, [{ field, message: detail }]);

function rowToEntry(r: UserMapping): MappingEntry {
  return {
    canonicalId: r.canonicalId,
    name: r.name,
    betpawaId: r.betpawaId,
    sportybetId: r.sportybetId,
    bet9jaKey: r.bet9jaKey,
    outcomes: Array.isArray(r.outcomes) ? (r.outcomes as unknown as MappingOutcomeDto[]) : [],
    origin: "user",
  };
}

function toItem(e: MappingEntry, active: boolean): MappingItem {
  return {
    canonicalId: e.canonicalId,
    name: e.name,
    origin: e.origin,
    betpawaId: e.betpawaId,
    sportybetId: e.sportybetId,
    bet9jaKey: e.bet9jaKey,
    outcomeCount: e.outcomes.length,
    active,
    priority: e.origin === "user" ? 1 : 0,
  };
}

const byName = (a: MappingItem, b: MappingItem) =>
  a.name.localeCompare(b.name) || a.canonicalId.localeCompare(b.canonicalId) || b.priority - a.priority;

/** One sort key of the list; a missing platform id sorts after every present one, whichever the order. */
function compareBy(key: MappingListQuery["sort"], order: MappingListQuery["order"], a: MappingItem, b: MappingItem): number {
  const x = a[key];
  const y = b[key];
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  const c = typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : Number(x) - Number(y);
  return order === "desc" ? -c : c;
}

const byPosition = (outcomes: MappingOutcomeDto[]) => [...outcomes].sort((a, b) => a.position - b.position);

export class MappingService {
  readonly cache = new MappingCache(builtinCatalog());
  private readonly builtin = new Map(builtinCatalog().map((e) => [e.canonicalId, e]));

  /** @param announce tells the other processes that mappings changed (PostgreSQL NOTIFY). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly announce: () => Promise<void> = async () => undefined,
    private readonly outbox: WebhookOutbox | null = null,
  ) {}

  async reload(): Promise<void> {
    const rows = await this.prisma.userMapping.findMany({ where: { active: true }, orderBy: { id: "asc" } });
    this.cache.replace(mergeMappings(builtinCatalog(), rows.map(rowToEntry)));
  }

  /** Sorted in memory (the built-in catalog is data, not rows); by cursor, the mappings after the last one sent. */
  async list(q: MappingListQuery, paging: Paging = { mode: "page", page: q.page, pageSize: q.pageSize }) {
    const rows = await this.prisma.userMapping.findMany({ orderBy: { canonicalId: "asc" } });
    const overridden = new Set(rows.filter((r) => r.active).map((r) => r.canonicalId));
    const all = [
      ...[...this.builtin.values()].map((e) => toItem(e, !overridden.has(e.canonicalId))),
      ...rows.map((r) => toItem(rowToEntry(r), r.active)),
    ];
    const needle = q.q?.toLowerCase();
    const platformKey =
      q.platform === "betpawa" ? "betpawaId" : q.platform === "sportybet" ? "sportybetId" : q.platform === "bet9ja" ? "bet9jaKey" : null;
    const items = all
      .filter((m) => !q.origin || m.origin === q.origin)
      .filter((m) => q.active === undefined || m.active === q.active)
      .filter((m) => !platformKey || m[platformKey] !== null)
      .filter(
        (m) =>
          !needle ||
          [m.name, m.canonicalId, m.betpawaId, m.sportybetId, m.bet9jaKey].some((v) => v !== null && v.toLowerCase().includes(needle)),
      )
      .sort((a, b) => compareBy(q.sort, q.order, a, b) || byName(a, b));
    type Probe = Pick<MappingItem, "name" | "canonicalId" | "priority"> & Partial<MappingItem>;
    const page = pageInMemory<MappingItem, Probe>(
      paging,
      items,
      (a, b) => compareBy(q.sort, q.order, a as MappingItem, b as MappingItem) || byName(a as MappingItem, b as MappingItem),
      (m) => [m[q.sort], m.name, m.canonicalId, m.priority],
      ([value, name, canonicalId, priority]) => ({
        [q.sort]: value,
        name: String(name),
        canonicalId: String(canonicalId),
        priority: Number(priority),
      }),
    );
    return { ...page, total: items.length };
  }

  async get(canonicalId: string, client: Tx | PrismaClient = this.prisma): Promise<MappingDetail> {
    const row = await client.userMapping.findUnique({ where: { canonicalId } });
    const builtin = this.builtin.get(canonicalId);
    if (!row && !builtin) throw notFound(`Mapping ${canonicalId}`);
    const builtinDetail = builtin ? { ...toItem(builtin, !row?.active), outcomes: byPosition(builtin.outcomes) } : null;
    if (row && (row.active || !builtin)) {
      const entry = rowToEntry(row);
      return {
        ...toItem(entry, row.active),
        outcomes: byPosition(entry.outcomes),
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
        builtin: builtinDetail,
      };
    }
    return { ...builtinDetail!, version: row?.version ?? null, updatedAt: null, builtin: builtinDetail };
  }

  /** The merged set as it stands inside a transaction (after the write lock is held). */
  async effective(tx: Tx): Promise<MappingEntry[]> {
    const rows = await tx.userMapping.findMany({ where: { active: true }, orderBy: { id: "asc" } });
    return mergeMappings(builtinCatalog(), rows.map(rowToEntry));
  }

  /** Reads in one transaction without the write lock: what a write would do, planned but not saved. */
  async read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(fn);
  }

  /** Runs a mapping write: serialised across processes, then the cache reloaded before returning. */
  async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await this.prisma.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCKS.mappingWrite})::text AS locked`);
      return fn(tx);
    });
    this.outbox?.wakeFor("mapping.");
    await this.reload();
    await this.announce().catch(() => undefined); // the others also reload on their next start
    return result;
  }

  /**
   * A platform id may belong to one active mapping only. Values this canonicalId already had
   * (the built-in catalog shares S_HA1HOU between the home and away halves) are not new claims.
   */
  assertNoHolder(effective: MappingEntry[], next: MappingEntry, previous: MappingEntry | undefined): void {
    for (const [field, label] of HELD_IDS) {
      const value = next[field];
      if (!value || value === previous?.[field]) continue;
      const holder = effective.find((e) => e.canonicalId !== next.canonicalId && e[field] === value);
      if (holder) {
        throw conflict(`${label} ${value} already belongs to mapping ${holder.canonicalId} ("${holder.name}")`, {
          holder: holder.canonicalId,
          field,
          errors: [{ field: `body.${field}`, message: `already mapped by ${holder.canonicalId}` }],
        });
      }
    }
  }

  /** Writes the user mapping row for `next` (create, re-activate or update) and audits it. */
  async saveEntry(tx: Tx, next: MappingEntry, reason: string | null, actor: Actor): Promise<void> {
    const row = await tx.userMapping.findUnique({ where: { canonicalId: next.canonicalId } });
    const data = {
      name: next.name,
      betpawaId: next.betpawaId,
      sportybetId: next.sportybetId,
      bet9jaKey: next.bet9jaKey,
      outcomes: byPosition(next.outcomes) as unknown as Prisma.InputJsonValue,
      active: true,
    };
    const before = row?.active ? rowToEntry(row) : (this.builtin.get(next.canonicalId) ?? (row ? rowToEntry(row) : null));
    if (row) await tx.userMapping.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } });
    else await tx.userMapping.create({ data: { canonicalId: next.canonicalId, ...data } });
    await AuditService.record(tx, {
      entityType: "mapping",
      entityId: next.canonicalId,
      action: row?.active ? "mapping_updated" : "mapping_created",
      actor,
      before,
      after: { ...next, origin: "user" },
      reason,
    });
    const event = { canonicalId: next.canonicalId, name: next.name, reason, actor: actor.name };
    await this.outbox?.write(tx, row?.active ? "mapping.updated" : "mapping.created", event);
  }

  async create(body: MappingCreate, actor: Actor): Promise<MappingDetail> {
    const next: MappingEntry = {
      canonicalId: body.canonicalId,
      name: body.name,
      betpawaId: body.betpawaId ?? null,
      sportybetId: body.sportybetId ?? null,
      bet9jaKey: body.bet9jaKey ?? null,
      outcomes: body.outcomes,
      origin: "user",
    };
    await this.write(async (tx) => {
      const existing = await tx.userMapping.findUnique({ where: { canonicalId: body.canonicalId } });
      if (existing?.active) {
        throw conflict(`A user mapping ${body.canonicalId} already exists; change it with PATCH`, { holder: body.canonicalId });
      }
      const effective = await this.effective(tx);
      this.assertNoHolder(effective, next, this.builtin.get(body.canonicalId));
      await this.saveEntry(tx, next, body.reason ?? null, actor);
    });
    return this.get(body.canonicalId);
  }

  /** Edits a user mapping; on a built-in entry it creates the user override. */
  async update(canonicalId: string, patch: MappingPatch, actor: Actor, expectedVersion?: number): Promise<MappingDetail> {
    await this.write(async (tx) => {
      const row = await tx.userMapping.findUnique({ where: { canonicalId } });
      const builtin = this.builtin.get(canonicalId);
      if (!row && !builtin) throw notFound(`Mapping ${canonicalId}`);
      if (row && expectedVersion !== undefined && row.version !== expectedVersion) {
        throw preconditionFailed(
          `Mapping ${canonicalId} was changed by someone else (now at version ${row.version}). Reload it and apply your change again.`,
        );
      }
      const base = row?.active ? rowToEntry(row) : (builtin ?? rowToEntry(row!));
      const next: MappingEntry = {
        ...base,
        origin: "user",
        name: patch.name ?? base.name,
        betpawaId: patch.betpawaId !== undefined ? patch.betpawaId : base.betpawaId,
        sportybetId: patch.sportybetId !== undefined ? patch.sportybetId : base.sportybetId,
        bet9jaKey: patch.bet9jaKey !== undefined ? patch.bet9jaKey : base.bet9jaKey,
        outcomes: patch.outcomes ?? base.outcomes,
      };
      if (!next.sportybetId && !next.bet9jaKey) {
        throw unprocessable("give at least one platform id (sportybetId or bet9jaKey)", "body.sportybetId");
      }
      this.assertNoHolder(await this.effective(tx), next, base);
      await this.saveEntry(tx, next, patch.reason ?? null, actor);
    });
    return this.get(canonicalId);
  }

  /** Deactivates a user mapping; the built-in entry with the same id, if any, applies again. */
  async deactivate(canonicalId: string, reason: string | null, actor: Actor): Promise<MappingDetail> {
    await this.write(async (tx) => {
      const row = await tx.userMapping.findUnique({ where: { canonicalId } });
      if (!row?.active) {
        if (this.builtin.has(canonicalId)) {
          throw conflict(`${canonicalId} is a built-in mapping with no active user override; there is nothing to deactivate`);
        }
        throw notFound(`Mapping ${canonicalId}`);
      }
      await tx.userMapping.update({ where: { id: row.id }, data: { active: false, version: { increment: 1 } } });
      await AuditService.record(tx, {
        entityType: "mapping",
        entityId: canonicalId,
        action: "mapping_deactivated",
        actor,
        before: rowToEntry(row),
        after: this.builtin.get(canonicalId) ?? null,
        reason,
      });
      await this.outbox?.write(tx, "mapping.deactivated", { canonicalId, name: row.name, reason, actor: actor.name });
    });
    return this.get(canonicalId);
  }
}
