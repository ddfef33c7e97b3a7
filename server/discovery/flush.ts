// Writes a recorder batch with one multi-row INSERT … ON CONFLICT … DO UPDATE … RETURNING per
// chunk. The rows travel as one JSON parameter (jsonb_to_recordset), so a chunk is one statement
// with one bind value whatever its size, and the same SQL runs on PGlite and PostgreSQL.
//
// What the upsert does to an existing row: adds the batch's count, widens first/last seen, takes
// the newer name/reason/samples, merges lines (capped), recomputes the priority. It never touches
// status, notes, version or updated_at, so a scrape can't clobber or invalidate a person's edit.
import type { Platform, UnmappedReason } from "@/lib/contract/enums";
import type { Database } from "@/server/db/client";
import { MAX_SAMPLE_OUTCOMES, MAX_SPECIFIERS, type PendingMarket } from "./recorder";

export const FLUSH_CHUNK_ROWS = 5_000;

export interface FlushedMarket {
  id: number;
  source: Platform;
  externalMarketId: string;
  marketName: string;
  reason: UnmappedReason;
}

export interface FlushResult {
  rows: number;
  sightings: number;
  /** Markets this flush inserted: each market is "new" exactly once, ever. */
  inserted: FlushedMarket[];
  /** The part of the batch that could not be written; hand it back to the recorder. */
  failed: PendingMarket[];
  error?: Error;
}

const UPSERT_SQL = `
INSERT INTO unmapped_markets AS t
  (source, external_market_id, market_name, reason, sample_outcomes, specifiers,
   first_seen_at, last_seen_at, occurrence_count, priority_raw)
SELECT r.s::"Platform", r.e, r.n, r.r::"UnmappedReason", r.o, r.l,
       r.f, r.z, r.c, ln(1.0 + r.c) + extract(epoch FROM r.z)::float8 / 86400.0
FROM jsonb_to_recordset($1::jsonb) AS r(s text, e text, n text, r text, o jsonb, l text[],
                                         f timestamptz, z timestamptz, c int)
ORDER BY r.s, r.e
ON CONFLICT (source, external_market_id) DO UPDATE SET
  occurrence_count = t.occurrence_count + EXCLUDED.occurrence_count,
  first_seen_at    = LEAST(t.first_seen_at, EXCLUDED.first_seen_at),
  last_seen_at     = GREATEST(t.last_seen_at, EXCLUDED.last_seen_at),
  market_name      = CASE WHEN EXCLUDED.last_seen_at >= t.last_seen_at THEN EXCLUDED.market_name ELSE t.market_name END,
  reason           = CASE WHEN EXCLUDED.last_seen_at >= t.last_seen_at THEN EXCLUDED.reason ELSE t.reason END,
  sample_outcomes  = CASE WHEN EXCLUDED.last_seen_at >= t.last_seen_at AND jsonb_array_length(EXCLUDED.sample_outcomes) > 0
                          THEN EXCLUDED.sample_outcomes ELSE t.sample_outcomes END,
  specifiers       = CASE WHEN EXCLUDED.specifiers <@ t.specifiers THEN t.specifiers ELSE ARRAY(
                       SELECT u.s FROM unnest(t.specifiers || EXCLUDED.specifiers) WITH ORDINALITY AS u(s, i)
                       GROUP BY u.s ORDER BY min(u.i) LIMIT ${MAX_SPECIFIERS}) END,
  priority_raw     = ln(1.0 + t.occurrence_count + EXCLUDED.occurrence_count)
                     + extract(epoch FROM GREATEST(t.last_seen_at, EXCLUDED.last_seen_at))::float8 / 86400.0
RETURNING t.id, (t.xmax = 0) AS inserted,
  -- Only new rows are announced, so only they carry their identity back.
  CASE WHEN t.xmax = 0 THEN t.source END AS source,
  CASE WHEN t.xmax = 0 THEN t.external_market_id END AS external_market_id,
  CASE WHEN t.xmax = 0 THEN t.market_name END AS market_name,
  CASE WHEN t.xmax = 0 THEN t.reason END AS reason`;

interface ReturnedRow {
  id: number;
  inserted: boolean;
  source: Platform | null;
  external_market_id: string | null;
  market_name: string | null;
  reason: UnmappedReason | null;
}

/** Rows in a fixed order so concurrent flushes from several processes lock rows in the same order. */
function byKey(a: PendingMarket, b: PendingMarket): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return a.externalMarketId < b.externalMarketId ? -1 : a.externalMarketId > b.externalMarketId ? 1 : 0;
}

export function toRecordsetJson(chunk: PendingMarket[]): string {
  return JSON.stringify(
    chunk.map((p) => ({
      s: p.source,
      e: p.externalMarketId,
      n: p.name,
      r: p.reason,
      o: p.outcomes.slice(0, MAX_SAMPLE_OUTCOMES).map((o) => ({ name: o.name, odds: o.odds })),
      l: p.specifiers,
      f: new Date(p.firstSeenAt).toISOString(),
      z: new Date(p.lastSeenAt).toISOString(),
      c: p.count,
    })),
  );
}

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure

export async function flushBatch(db: Database, batch: PendingMarket[], chunkRows = FLUSH_CHUNK_ROWS): Promise<FlushResult> {
  const sorted = [...batch].sort(byKey);
  const result: FlushResult = { rows: 0, sightings: 0, inserted: [], failed: [] };
  for (let i = 0; i < sorted.length; i += chunkRows) {
    const chunk = sorted.slice(i, i + chunkRows);
    try {
      const rows = await withRetry(() => db.query<ReturnedRow>(UPSERT_SQL, [toRecordsetJson(chunk)]));
      result.rows += rows.length;
      for (const p of chunk) result.sightings += p.count;
      for (const r of rows) {
        if (r.inserted) {
          result.inserted.push({
            id: Number(r.id),
            source: r.source!,
            externalMarketId: r.external_market_id!,
            marketName: r.market_name!,
            reason: r.reason!,
          });
        }
      }
    } catch (e) {
      result.failed.push(...chunk);
      result.error ??= e as Error;
    }
  }
  return result;
}

async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}
