// Reading and editing unmapped markets. The list is one SQL statement for the rows (filters, sort,
// page and the priority score computed by the database) and one for the total, from counters or a
// capped count (server/discovery/list-sql.ts), so it costs about the same at 1,000 rows or 1,000,000.
import type { UnmappedDetail, UnmappedItem, UnmappedList, UnmappedListQuery, UnmappedPatch } from "@/lib/contract/unmapped";
import type { Prisma } from "@/generated/prisma/client";
import { AuditService, type AuditRecord } from "@/server/audit/audit-service";
import type { Database } from "@/server/db/client";
import { isoColumn, isoColumnOrNull, jsonColumn } from "@/server/db/columns";
import { HttpError, notFound, preconditionFailed } from "@/server/http/errors";
import { nullPublisher, type Publisher } from "@/server/realtime/publisher";
import { listSql, totalOf } from "./list-sql";
import type { Actor } from "@/lib/contract/audit";

// The share is of the platform's sightings in that run (mapped + unmapped), from the run's stats.
const DETAIL_SQL = `SELECT m.id, m.source, m.external_market_id, m.market_name, m.reason, m.status, m.occurrence_count,
  m.first_seen_at, m.last_seen_at, m.regressed_at,
  m.priority_raw - extract(epoch FROM now())::float8 / 86400.0 AS priority_score,
  m.sample_outcomes, m.specifiers, m.notes, m.updated_at, m.version, m.mapped_at, m.mapping_canonical_id,
  m.last_run_id, m.last_run_events, m.last_run_sightings,
  NULLIF((r.sources -> m.source::text ->> 'markets')::int, 0) AS run_platform_sightings
FROM unmapped_markets m LEFT JOIN scrape_runs r ON r.id = m.last_run_id
WHERE m.id = $1`;

type Tx = Prisma.TransactionClient;

/** What an edit or "map this market" needs of a market, read under its row lock. */
export interface LockedMarket {
  id: number;
  source: UnmappedItem["source"];
  externalMarketId: string;
  marketName: string;
  status: UnmappedItem["status"];
  notes: string | null;
  version: number;
  sampleOutcomes: UnmappedDetail["sampleOutcomes"];
  specifiers: string[];
  mappingCanonicalId: string | null;
}

interface LockedRow {
  source: UnmappedItem["source"];
  external_market_id: string;
  market_name: string;
  status: UnmappedItem["status"];
  notes: string | null;
  version: number;
  sample_outcomes: UnmappedDetail["sampleOutcomes"] | string | null;
  specifiers: string[] | null;
  mapping_canonical_id: string | null;
}

interface ItemRow {
  id: number;
  source: UnmappedItem["source"];
  external_market_id: string;
  market_name: string;
  reason: UnmappedItem["reason"];
  status: UnmappedItem["status"];
  occurrence_count: number;
  first_seen_at: Date | string;
  last_seen_at: Date | string;
  regressed_at: Date | string | null;
  priority_score: number;
}

interface DetailRow extends ItemRow {
  sample_outcomes: UnmappedDetail["sampleOutcomes"] | string;
  specifiers: string[];
  notes: string | null;
  updated_at: Date | string;
  version: number;
  mapped_at: Date | string | null;
  mapping_canonical_id: string | null;
  last_run_id: number | null;
  last_run_events: number;
  last_run_sightings: number;
  run_platform_sightings: number | null;
}

const round = (n: number) => Math.round(Number(n) * 1000) / 1000;

function toItem(r: ItemRow): UnmappedItem {
  return {
    id: Number(r.id),
    source: r.source,
    externalMarketId: r.external_market_id,
    marketName: r.market_name,
    reason: r.reason,
    status: r.status,
    occurrenceCount: Number(r.occurrence_count),
    firstSeenAt: isoColumn(r.first_seen_at),
    lastSeenAt: isoColumn(r.last_seen_at),
    regressedAt: isoColumnOrNull(r.regressed_at),
    priorityScore: round(r.priority_score),
    assignee: null,
    escalating: false,
    snooze: null,
  };
}

function toDetail(r: DetailRow): UnmappedDetail {
  return {
    ...toItem(r),
    sampleOutcomes: jsonColumn(r.sample_outcomes),
    specifiers: r.specifiers ?? [],
    notes: r.notes,
    updatedAt: isoColumn(r.updated_at),
    version: Number(r.version),
    mappedAt: isoColumnOrNull(r.mapped_at),
    mappingCanonicalId: r.mapping_canonical_id,
    impact:
      r.last_run_id === null
        ? null
        : {
            runId: Number(r.last_run_id),
            events: Number(r.last_run_events),
            sightings: Number(r.last_run_sightings),
            share: r.run_platform_sightings ? Math.min(1, Number(r.last_run_sightings) / Number(r.run_platform_sightings)) : null,
          },
  };
}

/** MAPPED means a mapping covers the market: only mapping it sets that, never a status edit. */
const mappedOnlyByMapping = (id: number) => {
  const detail = `A market becomes MAPPED by mapping it: POST /api/unmapped/${id}/map creates or extends the mapping the scraper then uses.`;
  return new HttpError(422, "Unprocessable Content", detail, [{ field: "body.status", message: detail }]);
};

export class TriageService {
  /** @param publisher tells open browsers about every change (unmapped_updated). */
  constructor(
    private readonly db: Database,
    private readonly publisher: Publisher = nullPublisher,
  ) {}

  async list(q: UnmappedListQuery): Promise<UnmappedList> {
    const sql = listSql(q);
    const rows = await this.db.query<ItemRow & { total_n: number | string }>(sql.page, sql.params);
    // An empty page is one row with only the total.
    const items = rows[0]?.id === null ? [] : rows.map(toItem);
    return { items, ...totalOf(sql, Number(rows[0]?.total_n ?? 0)), page: q.page, pageSize: q.pageSize };
  }

  async get(id: number): Promise<UnmappedDetail> {
    const rows = await this.db.query<DetailRow>(DETAIL_SQL, [id]);
    if (rows.length === 0) throw notFound(`Unmapped market ${id}`);
    return toDetail(rows[0]);
  }

  /**
   * Applies a triage edit and records it in the market's history, in one transaction.
   * @param expectedVersion from If-Match: the edit applies only if nobody changed the market since.
   */
  async update(id: number, patch: UnmappedPatch, actor: Actor, expectedVersion?: number): Promise<UnmappedDetail> {
    let changed: ("status" | "notes")[] = [];
    await this.db.prisma.$transaction(async (tx) => {
      const current = await this.lock(tx, id);
      if (patch.status === "MAPPED") throw mappedOnlyByMapping(id);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw this.stale(current.version);
      const entry = (action: AuditRecord["action"], before: object, after: object): AuditRecord => ({
        entityType: "unmapped_market",
        entityId: String(id),
        action,
        actor,
        before,
        after,
        reason: patch.reason ?? null,
      });
      const changes: AuditRecord[] = [];
      if (patch.status !== undefined && patch.status !== current.status) {
        changes.push(entry("status_changed", { status: current.status }, { status: patch.status }));
      }
      if (patch.notes !== undefined && patch.notes !== current.notes) {
        changes.push(entry("notes_changed", { notes: current.notes }, { notes: patch.notes }));
      }
      if (changes.length === 0) return;
      changed = changes.map((c) => (c.action === "status_changed" ? "status" : "notes"));
      await tx.unmappedMarket.update({
        where: { id },
        data: {
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
          version: { increment: 1 },
        },
      });
      await AuditService.record(tx, changes);
    });
    const market = await this.get(id);
    // After the commit: a browser that refetches on this message sees the change.
    if (changed.length > 0) this.publisher.publish("unmapped_updated", { id, version: market.version, changed });
    return market;
  }

  /**
   * Locks the market's row for the rest of the transaction and reads it. The row lock serialises
   * concurrent edits of one market (a triage edit, mapping it): each sees the one before it, so
   * without If-Match the last write wins and every change is audited against what it replaced.
   */
  async lock(tx: Tx, id: number): Promise<LockedMarket> {
    const [row] = await tx.$queryRaw<LockedRow[]>`
      SELECT source::text AS source, external_market_id, market_name, status::text AS status, notes, version,
        sample_outcomes, specifiers, mapping_canonical_id
      FROM unmapped_markets WHERE id = ${id} FOR UPDATE`;
    if (!row) throw notFound(`Unmapped market ${id}`);
    return {
      id,
      source: row.source,
      externalMarketId: row.external_market_id,
      marketName: row.market_name,
      status: row.status,
      notes: row.notes,
      version: Number(row.version),
      sampleOutcomes: jsonColumn(row.sample_outcomes, []),
      specifiers: row.specifiers ?? [],
      mappingCanonicalId: row.mapping_canonical_id,
    };
  }

  /** Marks a market (locked by `lock`) MAPPED by a mapping, in the caller's transaction, with its history entry. */
  async markMapped(tx: Tx, market: LockedMarket, canonicalId: string, reason: string | null, actor: Actor): Promise<void> {
    await tx.unmappedMarket.update({
      where: { id: market.id },
      data: { status: "MAPPED", mappedAt: new Date(), mappingCanonicalId: canonicalId, version: { increment: 1 } },
    });
    await AuditService.record(tx, {
      entityType: "unmapped_market",
      entityId: String(market.id),
      action: "mapped",
      actor,
      before: { status: market.status },
      after: { status: "MAPPED", mapping: canonicalId },
      reason,
    });
  }

  private stale(current: number) {
    return preconditionFailed(`The market was changed by someone else (now at version ${current}). Reload it and apply your change again.`);
  }
}
