// Writes a recorder batch with one multi-row INSERT … ON CONFLICT … DO UPDATE … RETURNING per
// chunk. The rows travel as one JSON parameter (jsonb_to_recordset), so a chunk is one statement
// with one bind value whatever its size, and the same SQL runs on PGlite and PostgreSQL.
//
// What the upsert does to an existing row: adds the batch's count, widens first/last seen, takes
// the newer name/reason/samples, merges lines (capped), recomputes the priority and the latest
// run's impact. It never touches notes, and touches status/version only to reopen a regressed
// MAPPED market, so a scrape can't clobber or invalidate a person's edit.
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
  /** MAPPED markets this flush reopened as NEW because they were sighted unmapped again. */
  regressed: FlushedMarket[];
  /** The part of the batch that could not be written; hand it back to the recorder. */
  failed: PendingMarket[];
  error?: Error;
}

// A market a person marked MAPPED that is sighted unmapped again (its mapping was removed or
// changed) reopens as NEW with regressed_at set, unless the sighting predates the mapping. The
// `regressing` CTE locks those rows first, so of two concurrent flushes only one reopens (and
// announces) a market; the reopening is audited in the same statement.
const REGRESSES = `t.status = 'MAPPED' AND EXCLUDED.last_seen_at > COALESCE(t.mapped_at, '-infinity'::timestamptz)`;

const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(s text, e text, n text, r text, o jsonb, l text[],
    f timestamptz, z timestamptz, c int, run int, ev int, rs int)
), regressing AS (
  SELECT m.id FROM unmapped_markets m JOIN input i ON m.source = i.s::"Platform" AND m.external_market_id = i.e
  WHERE m.status = 'MAPPED' AND i.z > COALESCE(m.mapped_at, '-infinity'::timestamptz)
  ORDER BY m.id FOR UPDATE OF m
), up AS (
  INSERT INTO unmapped_markets AS t
    (source, external_market_id, market_name, reason, sample_outcomes, specifiers,
     first_seen_at, last_seen_at, occurrence_count, priority_raw, last_run_id, last_run_events, last_run_sightings)
  SELECT r.s::"Platform", r.e, r.n, r.r::"UnmappedReason", r.o, r.l, r.f, r.z, r.c,
         ln(1.0 + r.c) + extract(epoch FROM r.z)::float8 / 86400.0,
         r.run, COALESCE(r.ev, 0), COALESCE(r.rs, 0)
  FROM input r
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
                       + extract(epoch FROM GREATEST(t.last_seen_at, EXCLUDED.last_seen_at))::float8 / 86400.0,
    last_run_id      = COALESCE(EXCLUDED.last_run_id, t.last_run_id),
    last_run_events  = CASE WHEN EXCLUDED.last_run_id IS NULL THEN t.last_run_events
                            WHEN EXCLUDED.last_run_id = t.last_run_id THEN t.last_run_events + EXCLUDED.last_run_events
                            ELSE EXCLUDED.last_run_events END,
    last_run_sightings = CASE WHEN EXCLUDED.last_run_id IS NULL THEN t.last_run_sightings
                            WHEN EXCLUDED.last_run_id = t.last_run_id THEN t.last_run_sightings + EXCLUDED.last_run_sightings
                            ELSE EXCLUDED.last_run_sightings END,
    status           = CASE WHEN ${REGRESSES} THEN 'NEW'::"TriageStatus" ELSE t.status END,
    regressed_at     = CASE WHEN ${REGRESSES} THEN now() ELSE t.regressed_at END,
    version          = CASE WHEN ${REGRESSES} THEN t.version + 1 ELSE t.version END,
    updated_at       = CASE WHEN ${REGRESSES} THEN now() ELSE t.updated_at END
  RETURNING t.id, (t.xmax = 0) AS inserted, t.status, t.source, t.external_market_id, t.market_name, t.reason
), reopened AS (
  SELECT up.id FROM up JOIN regressing g ON g.id = up.id WHERE up.status = 'NEW'
), audit AS (
  INSERT INTO audit_log (entity_type, entity_id, action, actor, before, after, reason)
  SELECT 'unmapped_market', id::text, 'regressed', 'scraper', '{"status":"MAPPED"}'::jsonb, '{"status":"NEW"}'::jsonb,
         'Sighted unmapped again after it was mapped'
  FROM reopened
)
SELECT up.id, up.inserted, (up.id IN (SELECT id FROM reopened)) AS regressed,
  -- Only announced rows carry their identity back.
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.source END AS source,
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.external_market_id END AS external_market_id,
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.market_name END AS market_name,
  CASE WHEN up.inserted OR up.id IN (SELECT id FROM reopened) THEN up.reason END AS reason
FROM up`;

interface ReturnedRow {
  id: number;
  inserted: boolean;
  regressed: boolean;
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
      run: p.runId,
      ev: p.events,
      rs: p.runSightings,
    })),
  );
}

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure

export async function flushBatch(db: Database, batch: PendingMarket[], chunkRows = FLUSH_CHUNK_ROWS): Promise<FlushResult> {
  const sorted = [...batch].sort(byKey);
  const result: FlushResult = { rows: 0, sightings: 0, inserted: [], regressed: [], failed: [] };
  for (let i = 0; i < sorted.length; i += chunkRows) {
    const chunk = sorted.slice(i, i + chunkRows);
    try {
      const rows = await withRetry(() => db.query<ReturnedRow>(UPSERT_SQL, [toRecordsetJson(chunk)]));
      result.rows += rows.length;
      for (const p of chunk) result.sightings += p.count;
      for (const r of rows) {
        if (!r.inserted && !r.regressed) continue;
        const market = {
          id: Number(r.id),
          source: r.source!,
          externalMarketId: r.external_market_id!,
          marketName: r.market_name!,
          reason: r.reason!,
        };
        (r.inserted ? result.inserted : result.regressed).push(market);
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
