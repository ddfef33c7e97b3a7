// Reading and editing unmapped markets. The list is one SQL statement for the rows (filters, sort,
// page and the priority score computed by the database) and one for the total, from counters or a
// capped count (server/discovery/list-sql.ts), so it costs about the same at 1,000 rows or 1,000,000.
import type { UnmappedDetail, UnmappedItem, UnmappedList, UnmappedListQuery, UnmappedPatch } from "@/lib/contract/unmapped";
import type { Database } from "@/server/db/client";
import { HttpError, notFound, preconditionFailed } from "@/server/http/errors";
import { nullPublisher, type Publisher } from "@/server/realtime/publisher";
import { listSql, totalOf } from "./list-sql";

// The share is of the platform's sightings in that run (mapped + unmapped), from the run's stats.
const DETAIL_SQL = `SELECT m.id, m.source, m.external_market_id, m.market_name, m.reason, m.status, m.occurrence_count,
  m.first_seen_at, m.last_seen_at, m.regressed_at,
  m.priority_raw - extract(epoch FROM now())::float8 / 86400.0 AS priority_score,
  m.sample_outcomes, m.specifiers, m.notes, m.updated_at, m.version, m.mapped_at, m.mapping_canonical_id,
  m.last_run_id, m.last_run_events, m.last_run_sightings,
  NULLIF((r.sources -> m.source::text ->> 'markets')::int, 0) AS run_platform_sightings
FROM unmapped_markets m LEFT JOIN scrape_runs r ON r.id = m.last_run_id
WHERE m.id = $1`;

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

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
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
    firstSeenAt: iso(r.first_seen_at),
    lastSeenAt: iso(r.last_seen_at),
    regressedAt: isoOrNull(r.regressed_at),
    priorityScore: round(r.priority_score),
  };
}

function toDetail(r: DetailRow): UnmappedDetail {
  return {
    ...toItem(r),
    sampleOutcomes: typeof r.sample_outcomes === "string" ? JSON.parse(r.sample_outcomes) : r.sample_outcomes,
    specifiers: r.specifiers ?? [],
    notes: r.notes,
    updatedAt: iso(r.updated_at),
    version: Number(r.version),
    mappedAt: isoOrNull(r.mapped_at),
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
    const [rows, count] = await Promise.all([
      this.db.query<ItemRow>(sql.rows, sql.params),
      this.db.query<{ n: number | string }>(sql.total, sql.params),
    ]);
    return { items: rows.map(toItem), ...totalOf(sql, Number(count[0]?.n ?? 0)), page: q.page, pageSize: q.pageSize };
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
  async update(id: number, patch: UnmappedPatch, expectedVersion?: number, actor = "anonymous"): Promise<UnmappedDetail> {
    let changed: ("status" | "notes")[] = [];
    await this.db.prisma.$transaction(async (tx) => {
      // The row lock serialises concurrent edits of one market: each sees the one before it, so
      // without If-Match the last write wins and every change is audited against what it replaced.
      const [locked] = await tx.$queryRaw<{ status: UnmappedDetail["status"]; notes: string | null; version: number }[]>`
        SELECT status::text AS status, notes, version FROM unmapped_markets WHERE id = ${id} FOR UPDATE`;
      if (!locked) throw notFound(`Unmapped market ${id}`);
      const current = { ...locked, version: Number(locked.version) };
      if (patch.status === "MAPPED") throw mappedOnlyByMapping(id);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw this.stale(current.version);
      const changes: { action: "status_changed" | "notes_changed"; before: unknown; after: unknown }[] = [];
      if (patch.status !== undefined && patch.status !== current.status) {
        changes.push({ action: "status_changed", before: { status: current.status }, after: { status: patch.status } });
      }
      if (patch.notes !== undefined && patch.notes !== current.notes) {
        changes.push({ action: "notes_changed", before: { notes: current.notes }, after: { notes: patch.notes } });
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
      await tx.auditEntry.createMany({
        data: changes.map((c) => ({
          entityType: "unmapped_market",
          entityId: String(id),
          action: c.action,
          actor,
          before: c.before as object,
          after: c.after as object,
          reason: patch.reason ?? null,
        })),
      });
    });
    const market = await this.get(id);
    // After the commit: a browser that refetches on this message sees the change.
    if (changed.length > 0) this.publisher.publish("unmapped_updated", { id, version: market.version, changed });
    return market;
  }

  private stale(current: number) {
    return preconditionFailed(`The market was changed by someone else (now at version ${current}). Reload it and apply your change again.`);
  }
}
