// Writes a recorder batch with one multi-row INSERT … ON CONFLICT … DO UPDATE … RETURNING per
// chunk. The rows travel as one JSON parameter (jsonb_to_recordset), so a chunk is one statement
// with one bind value whatever its size, and the same SQL runs on PGlite and PostgreSQL.
//
// What the upsert does to an existing row: adds the batch's count, widens first/last seen, takes
// the newer name/reason/samples, merges lines (capped), recomputes the priority and the latest
// run's impact. It never touches notes, and touches status/version only to reopen a regressed
// MAPPED market, so a scrape can't clobber or invalidate a person's edit.
//
// Each chunk is a batch with an id (a UUID), recorded in `flush_batches` by the same statement, with
// the markets it announces. A chunk whose reply was lost is retried with the same id and the same
// content: its primary key makes the retry fail with 23505, and the retry then announces what the
// first attempt committed instead of adding its counts a second time.
import { randomUUID } from "node:crypto";
import type { Platform, UnmappedReason } from "@/lib/contract/enums";
import type { Database } from "@/server/db/client";
import { MAX_SAMPLE_OUTCOMES, MAX_SPECIFIERS, type PendingMarket } from "./recorder";

/**
 * Rows per statement. PGlite runs in the main thread, so one statement blocks the event loop for
 * its whole run. Measured for a 100,000-new-market flush on a loaded 2-core machine: 250 rows cost
 * a median 28-45 ms of CPU per statement (about 20 ms inside PostgreSQL by EXPLAIN ANALYZE, mostly
 * the 14 indexes, 2 of them trigram GIN), 500 rows 74-118 ms, 1,000 rows 220 ms; 100 rows 17 ms, but the
 * whole flush took up to 1.5x as long. PostgreSQL runs elsewhere and keeps big chunks.
 */
export const FLUSH_CHUNK_ROWS = { pglite: 250, postgres: 5_000 } as const;

export interface FlushChunk {
  /** Names exactly these rows: a chunk is never merged or split while it keeps its id. */
  id: string;
  rows: PendingMarket[];
}

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
  /** The rows that could not be written for now (database unreachable, lost reply), flattened. */
  failed: PendingMarket[];
  /** The same rows as the chunks they were sent in: retry each with its id and exact content. */
  failedChunks: FlushChunk[];
  /** Rows the database refused for what they contain (e.g. a NUL byte); never retried. */
  rejected: RejectedMarket[];
  error?: Error;
}

export interface RejectedMarket {
  market: PendingMarket;
  code: string;
  error: string;
}

export const emptyFlushResult = (): FlushResult => ({ rows: 0, sightings: 0, inserted: [], regressed: [], failed: [], failedChunks: [], rejected: [] });

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
), batch AS (
  -- Its primary key is what makes a retry of a committed chunk fail instead of counting twice.
  INSERT INTO flush_batches (id, announced)
  SELECT $2::uuid, COALESCE(jsonb_agg(jsonb_build_object('id', a.id, 'source', a.source, 'externalMarketId', a.external_market_id,
           'marketName', a.market_name, 'reason', a.reason, 'regressed', a.regressed)), '[]'::jsonb)
  FROM (SELECT up.*, up.id IN (SELECT id FROM reopened) AS regressed FROM up) a
  WHERE a.inserted OR a.regressed
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

type Announced = FlushedMarket & { regressed: boolean };

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

/** Cuts rows into chunks with fresh ids, lazily: a 200,000-row batch is never copied in one go. */
export function* chunksOf(rows: Iterable<PendingMarket>, chunkRows: number): Generator<FlushChunk> {
  let rowsOfChunk: PendingMarket[] = [];
  for (const row of rows) {
    rowsOfChunk.push(row);
    if (rowsOfChunk.length >= chunkRows) {
      yield { id: randomUUID(), rows: rowsOfChunk };
      rowsOfChunk = [];
    }
  }
  if (rowsOfChunk.length > 0) yield { id: randomUUID(), rows: rowsOfChunk };
}

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure
const codeOf = (e: unknown): string => String((e as { code?: unknown }).code ?? "");

/**
 * A failure caused by what the rows contain, which no retry can fix: data exceptions (class 22:
 * NUL in text, bad encoding, overflow), integrity violations (class 23), program limits (54: an
 * index row too big) and a row affected twice (21000). Everything else (connection lost, timeout,
 * shutdown, out of memory) is transient and the chunk is retried as it is.
 */
export function isDataError(e: unknown): boolean {
  const code = codeOf(e);
  return /^(22|23|54)/.test(code) || code === "21000";
}

function isCommittedBefore(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  return err.code === "23505" && (err.constraint === "flush_batches_pkey" || /flush_batches_pkey/.test(err.message ?? ""));
}

type ChunkOutcome = { ok: true; announced: Announced[]; rows: number } | { ok: false; error: unknown };

/** One chunk, one statement. A retry of a chunk that already committed reads back what it announced. */
async function writeChunk(db: Database, chunk: FlushChunk): Promise<ChunkOutcome> {
  const sorted = chunk.rows.length > 1 ? [...chunk.rows].sort(byKey) : chunk.rows;
  try {
    const rows = await withRetry(() => db.query<ReturnedRow>(UPSERT_SQL, [toRecordsetJson(sorted), chunk.id]));
    const announced: Announced[] = [];
    for (const r of rows) {
      if (!r.inserted && !r.regressed) continue;
      const { source, external_market_id, market_name, reason } = r;
      announced.push({ id: Number(r.id), source: source!, externalMarketId: external_market_id!, marketName: market_name!, reason: reason!, regressed: r.regressed });
    }
    return { ok: true, announced, rows: rows.length };
  } catch (e) {
    if (!isCommittedBefore(e)) return { ok: false, error: e };
    try {
      const found = await db.query<{ announced: Announced[] }>(`SELECT announced FROM flush_batches WHERE id = $1::uuid`, [chunk.id]);
      if (found.length === 0) return { ok: false, error: e };
      return { ok: true, announced: found[0].announced, rows: chunk.rows.length };
    } catch (readError) {
      return { ok: false, error: readError };
    }
  }
}

function commit(result: FlushResult, chunk: FlushChunk, outcome: { announced: Announced[]; rows: number }) {
  result.rows += outcome.rows;
  for (const p of chunk.rows) result.sightings += p.count;
  for (const { regressed, ...market } of outcome.announced) (regressed ? result.regressed : result.inserted).push(market);
}

/**
 * Writes a chunk; one that fails for a data reason is bisected until the bad rows stand alone,
 * so they are rejected and everything else is written. Halves get new ids: the failed statement
 * rolled back, so the old id committed nothing. Returns false on a transient failure, which
 * leaves the failing part in result.failedChunks with its id.
 */
async function writeIsolating(db: Database, chunk: FlushChunk, result: FlushResult): Promise<boolean> {
  const outcome = await writeChunk(db, chunk);
  if (outcome.ok) {
    commit(result, chunk, outcome);
    return true;
  }
  if (!isDataError(outcome.error)) {
    result.failedChunks.push(chunk);
    for (const row of chunk.rows) result.failed.push(row);
    result.error ??= outcome.error as Error;
    return false;
  }
  if (chunk.rows.length === 1) {
    result.rejected.push({ market: chunk.rows[0], code: codeOf(outcome.error), error: (outcome.error as Error).message });
    return true;
  }
  const half = Math.ceil(chunk.rows.length / 2);
  for (const rows of [chunk.rows.slice(0, half), chunk.rows.slice(half)]) {
    await yieldToEventLoop();
    if (!(await writeIsolating(db, { id: randomUUID(), rows }, result))) return false;
  }
  return true;
}

/**
 * Writes chunks one after the other, yielding to the event loop between them. After the first
 * transient failure the remaining chunks are not sent (the database is failing; each would wait
 * for its own error): they come back in failedChunks, untouched, with their ids.
 */
export async function writeChunks(db: Database, chunks: Iterable<FlushChunk>, result = emptyFlushResult()): Promise<FlushResult> {
  let failing = false;
  let first = true;
  for (const chunk of chunks) {
    if (failing) {
      result.failedChunks.push(chunk);
      for (const row of chunk.rows) result.failed.push(row);
      continue;
    }
    if (!first) await yieldToEventLoop();
    first = false;
    failing = !(await writeIsolating(db, chunk, result));
  }
  return result;
}

/**
 * Plans the statement once without running it. The first run of it in a process loads the catalog
 * caches (measured on PGlite: the first chunk 400-600 ms, later ones a tenth of it; planned first,
 * about half): better at start than in the middle of a scrape with clients connected.
 */
export async function warmUp(db: Database): Promise<void> {
  await db.query(`EXPLAIN ${UPSERT_SQL}`, ["[]", randomUUID()]);
}

/** Flushes rows as fresh chunks of the database's chunk size. */
export async function flushBatch(db: Database, batch: Iterable<PendingMarket>, chunkRows: number = FLUSH_CHUNK_ROWS[db.kind]): Promise<FlushResult> {
  return writeChunks(db, chunksOf(batch, chunkRows));
}

async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const code = codeOf(e);
      if (attempt >= attempts || !RETRYABLE.has(code)) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}
