// Reading and editing unmapped markets. The list is one SQL statement: filters, sort, page and the
// priority score are all computed by the database, so it costs the same at 100 rows or 100,000.
import type { UnmappedDetail, UnmappedItem, UnmappedList, UnmappedListQuery, UnmappedPatch } from "@/lib/contract/unmapped";
import type { Database } from "@/server/db/client";
import { notFound, preconditionFailed } from "@/server/http/errors";

const SORT_COLUMN: Record<UnmappedListQuery["sort"], string> = {
  occurrenceCount: "occurrence_count",
  lastSeenAt: "last_seen_at",
  firstSeenAt: "first_seen_at",
  // priority_raw = ln(1+count) + epochDays(lastSeen); ordering by it equals ordering by the
  // displayed score (which only subtracts the constant epochDays(now)), and it is indexed.
  priority: "priority_raw",
};

const ITEM_COLUMNS = `id, source, external_market_id, market_name, reason, status, occurrence_count,
  first_seen_at, last_seen_at,
  priority_raw - extract(epoch FROM now())::float8 / 86400.0 AS priority_score`;

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
  priority_score: number;
}

interface DetailRow extends ItemRow {
  sample_outcomes: UnmappedDetail["sampleOutcomes"] | string;
  specifiers: string[];
  notes: string | null;
  updated_at: Date | string;
  version: number;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
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
  };
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class TriageService {
  constructor(private readonly db: Database) {}

  async list(q: UnmappedListQuery): Promise<UnmappedList> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.source) add((p) => `source = ${p}::"Platform"`, q.source);
    if (q.status?.length) add((p) => `status = ANY(${p}::text[]::"TriageStatus"[])`, q.status);
    if (q.reason) add((p) => `reason = ${p}::"UnmappedReason"`, q.reason);
    if (q.minOccurrences !== undefined) add((p) => `occurrence_count >= ${p}`, q.minOccurrences);
    if (q.q) add((p) => `(market_name ILIKE ${p} OR external_market_id ILIKE ${p})`, likePattern(q.q));
    const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const dir = q.order === "asc" ? "ASC" : "DESC";
    const offset = (q.page - 1) * q.pageSize;
    const [rows, count] = await Promise.all([
      this.db.query<ItemRow>(
        `SELECT ${ITEM_COLUMNS} FROM unmapped_markets ${whereSql}
         ORDER BY ${SORT_COLUMN[q.sort]} ${dir}, id ${dir} LIMIT ${q.pageSize} OFFSET ${offset}`,
        params,
      ),
      this.db.query<{ total: number | string }>(`SELECT count(*)::int AS total FROM unmapped_markets ${whereSql}`, params),
    ]);
    return { items: rows.map(toItem), total: Number(count[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
  }

  async get(id: number): Promise<UnmappedDetail> {
    const rows = await this.db.query<DetailRow>(
      `SELECT ${ITEM_COLUMNS}, sample_outcomes, specifiers, notes, updated_at, version FROM unmapped_markets WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) throw notFound(`Unmapped market ${id}`);
    return toDetail(rows[0]);
  }

  /** @param expectedVersion from If-Match: the edit applies only if nobody changed the market since. */
  async update(id: number, patch: UnmappedPatch, expectedVersion?: number): Promise<UnmappedDetail> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    if (patch.status !== undefined) {
      params.push(patch.status);
      sets.push(`status = $${params.length}::"TriageStatus"`);
    }
    if (patch.notes !== undefined) {
      params.push(patch.notes);
      sets.push(`notes = $${params.length}`);
    }
    let versionCheck = "";
    if (expectedVersion !== undefined) {
      params.push(expectedVersion);
      versionCheck = `AND version = $${params.length}`;
    }
    if (sets.length === 0) {
      const current = await this.get(id);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw this.stale(current.version);
      return current;
    }
    const updated = await this.db.query<{ id: number }>(
      `UPDATE unmapped_markets SET ${sets.join(", ")}, version = version + 1, updated_at = now()
       WHERE id = $1 ${versionCheck} RETURNING id`,
      params,
    );
    if (updated.length === 0) {
      const current = await this.get(id); // throws 404 when the market does not exist
      throw this.stale(current.version);
    }
    return this.get(id);
  }

  private stale(current: number) {
    return preconditionFailed(
      `The market was changed by someone else (now at version ${current}). Reload it and apply your change again.`,
    );
  }
}
