// Reading and editing unmapped markets. The list is one SQL statement for the rows (filters, sort,
// page and the priority score computed by the database) and one for the total, from counters or a
// capped count (server/discovery/list-sql.ts), so it costs about the same at 1,000 rows or 1,000,000.
import { randomUUID } from "node:crypto";
import type { UpdatedField } from "@/lib/contract/realtime";
import type { UnmappedDetail, UnmappedEdited, UnmappedItem, UnmappedList, UnmappedListQuery, UnmappedPatch } from "@/lib/contract/unmapped";
import type { UnmappedExportQuery } from "@/lib/contract/unmapped-export";
import type { Prisma } from "@/generated/prisma/client";
import { AuditService } from "@/server/audit/audit-service";
import type { Database } from "@/server/db/client";
import { jsonColumn } from "@/server/db/columns";
import { cursorPage, pageFields, type Paging } from "@/server/http/cursor";
import { HttpError, notFound, preconditionFailed } from "@/server/http/errors";
import { nullPublisher, type Publisher } from "@/server/realtime/publisher";
import { applyChange, checkFields } from "@/server/triage/apply";
import type { ChangeSummary } from "@/server/triage/change-sql";
import { toDetail, toItem, type DetailRow, type ItemRow } from "@/server/triage/rows";
import { changedFields } from "@/server/triage/change-sql";
import type { WebhookOutbox } from "@/server/webhooks/outbox";
import { exportCsv } from "./csv-export";
import { listSql, totalOf, type ListSql, type Viewer } from "./list-sql";
import { SharedReads } from "./shared-reads";
import type { Actor } from "@/lib/contract/audit";

// The share is of the platform's sightings in that run (mapped + unmapped), from the run's stats.
const DETAIL_SQL = `SELECT m.id, m.source, m.external_market_id, m.market_name, m.reason, m.status, m.occurrence_count,
  m.first_seen_at, m.last_seen_at, m.regressed_at, m.next_kickoff_at,
  m.priority_raw - extract(epoch FROM now())::float8 / 86400.0 AS priority_score,
  m.sample_outcomes, m.specifiers, m.notes, m.updated_at, m.version, m.mapped_at, m.mapping_canonical_id,
  m.last_run_id, m.last_run_events, m.last_run_sightings,
  NULLIF((r.sources -> m.source::text ->> 'markets')::int, 0) AS run_platform_sightings,
  m.assignee_id, u.name AS assignee_name, m.escalating, m.snoozed_at, m.snooze_until, m.snooze_sightings, m.snooze_from_count,
  m.snooze_escalating, m.snooze_baseline
FROM unmapped_markets m LEFT JOIN scrape_runs r ON r.id = m.last_run_id LEFT JOIN users u ON u.id = m.assignee_id
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

/** MAPPED means a mapping covers the market: only mapping it sets that, never a status edit. */
const mappedOnlyByMapping = (id: number) => {
  const detail = `A market becomes MAPPED by mapping it: POST /api/unmapped/${id}/map creates or extends the mapping the scraper then uses.`;
  return new HttpError(422, "Unprocessable Content", detail, [{ field: "body.status", message: detail }]);
};

export class TriageService {
  /** The lists' capped totals, shared by identical requests at the same time. */
  private readonly counts = new SharedReads<number>();

  /** @param publisher tells open browsers about every change (unmapped_updated). */
  constructor(
    private readonly db: Database,
    private readonly publisher: Publisher = nullPublisher,
    private readonly outbox: WebhookOutbox | null = null,
  ) {}

  /**
   * @param viewer who asks: `assignee=me` is them (a token's owner).
   * @param paging from the request (server/http/cursor.ts); by default q's page and pageSize.
   */
  async list(q: UnmappedListQuery, viewer: Viewer | null = null, paging?: Paging): Promise<UnmappedList> {
    const p = paging ?? { mode: "page", page: q.page, pageSize: q.pageSize };
    const sql = listSql(q, viewer, p);
    type Row = ItemRow & { total_n?: number | string; cursor_key: string | number };
    const [rows, shared] = await Promise.all([
      this.db.query<Row>(sql.page, sql.params, { prepare: sql.preparable }),
      sql.capped ? this.counts.read(sql.total + JSON.stringify(sql.totalParams), () => this.count(sql)) : null,
    ]);
    // The rows carry the counters' total; an empty page has none to carry it.
    const n = shared ?? (rows.length ? Number(rows[0].total_n) : await this.count(sql));
    const { items, nextCursor } = cursorPage(p, rows, (r) => [r.cursor_key, r.id]);
    return { items: items.map(toItem), ...totalOf(sql, n), ...pageFields(p), nextCursor };
  }

  private async count(sql: ListSql): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>(sql.total, sql.totalParams);
    return Number(row.n);
  }

  /** The list's markets for the filters and sort, all of them, as a CSV stream read in keyset batches. */
  exportCsv(q: UnmappedExportQuery, viewer: Viewer | null = null): Promise<ReadableStream<Uint8Array>> {
    return exportCsv(this.db, q, viewer);
  }

  async get(id: number): Promise<UnmappedDetail> {
    const rows = await this.db.query<DetailRow>(DETAIL_SQL, [id]);
    if (rows.length === 0) throw notFound(`Unmapped market ${id}`);
    return toDetail(rows[0]);
  }

  /**
   * Applies a triage edit (status, notes, assignee, snooze) and records it in the market's history
   * and as an undoable change, in one transaction: the same statement a bulk change runs, on one market.
   * @param expectedVersion from If-Match: the edit applies only if nobody changed the market since.
   * @returns the market, and the change's id (null when the edit changed nothing).
   */
  async update(id: number, patch: UnmappedPatch, actor: Actor, expectedVersion?: number): Promise<UnmappedEdited> {
    const changeId = randomUUID();
    const { reason, ...set } = patch;
    const summary = await this.db.prisma.$transaction(async (tx): Promise<ChangeSummary> => {
      const current = await this.lock(tx, id);
      if (patch.status === "MAPPED") throw mappedOnlyByMapping(id);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw this.stale(current.version);
      await checkFields(tx, set, "body");
      const applied = await applyChange(
        tx,
        [id],
        { ...set, status: set.status === "MAPPED" ? undefined : set.status },
        {
          changeId,
          actor,
          reason: reason ?? null,
          always: false,
          idsCap: 1,
        },
      );
      if (applied.count > 0) {
        const data = { changeId, undo: false, count: applied.count, ids: applied.ids, changed: changedFields(applied) };
        await this.outbox?.write(tx, "unmapped.updated", data);
      }
      return applied;
    });
    this.outbox?.wakeFor("unmapped.updated");
    const market = await this.get(id);
    this.announce(id, market.version, changedFields(summary));
    return { ...market, changeId: summary.count > 0 ? changeId : null };
  }

  /**
   * Tells open pages that a market changed (unmapped_updated), for every change of one market that
   * is not a bulk change: call it after the commit, so a browser that refetches on it sees the change.
   */
  announce(id: number, version: number, changed: UpdatedField[]): void {
    if (changed.length > 0) this.publisher.publish("unmapped_updated", { id, version, changed });
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
    // Not an undoable change (no changeId): undoing it is deactivating the mapping.
    await this.outbox?.write(tx, "unmapped.updated", { changeId: null, undo: false, count: 1, ids: [market.id], changed: ["status"] });
  }

  /**
   * Puts a MAPPED market (locked by `lock`) back to NEW, the undo of markMapped: in the caller's
   * transaction, with its history entry naming the mapping it left.
   */
  async markUnmapped(tx: Tx, market: LockedMarket, reason: string | null, actor: Actor): Promise<void> {
    await tx.unmappedMarket.update({
      where: { id: market.id },
      data: { status: "NEW", mappedAt: null, mappingCanonicalId: null, version: { increment: 1 } },
    });
    await AuditService.record(tx, {
      entityType: "unmapped_market",
      entityId: String(market.id),
      action: "unmapped",
      actor,
      before: { status: market.status, mapping: market.mappingCanonicalId },
      after: { status: "NEW" },
      reason,
    });
    await this.outbox?.write(tx, "unmapped.updated", { changeId: null, undo: false, count: 1, ids: [market.id], changed: ["status"] });
  }

  /** After a commit that may have written unmapped.updated events outside update() (mapping a market). */
  webhooksWritten(): void {
    this.outbox?.wakeFor("unmapped.updated");
  }

  private stale(current: number) {
    return preconditionFailed(`The market was changed by someone else (now at version ${current}). Reload it and apply your change again.`);
  }
}
