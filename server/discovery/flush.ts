// Writes a recorder batch with one multi-row INSERT … ON CONFLICT … DO UPDATE … RETURNING per
// chunk. The rows travel as one JSON parameter (jsonb_to_recordset), so a chunk is one statement
// with one bind value whatever its size, and the same SQL runs on PGlite and PostgreSQL.
//
// Each chunk is a batch with an id (a UUID), recorded in `flush_batches` by the same statement, with
// the markets it announces. A chunk whose reply was lost is retried with the same id and the same
// content: its primary key makes the retry fail with 23505, and the retry then announces what the
// first attempt committed instead of adding its counts a second time.
import { randomUUID } from "node:crypto";
import type { Platform, UnmappedReason } from "@/lib/contract/enums";
import type { AlertCause } from "@/lib/contract/realtime";
import type { Database } from "@/server/db/client";
import { yieldToEventLoop } from "@/server/util/yield";
import { UPSERT_SQL } from "./flush-sql";
import { MAX_SAMPLE_OUTCOMES, type PendingMarket } from "./recorder";

/**
 * Rows per statement. The statement no longer runs on the server's thread (PGlite has its own
 * worker, PostgreSQL its own processes), so the size is set by who waits behind one: on PGlite a
 * request's query waits for the statement already running (flush statements go after waiting
 * requests: queryBulk), measured at 100 rows a median 14-21 ms and p99 40-80 ms on a loaded
 * 2-core machine (250 rows: 50 ms, p99 over 200 ms); on PostgreSQL the server thread still builds
 * each chunk's JSON and reads its RETURNING, which at 5,000 rows held it for 70 ms, at 1,000 under 20.
 */
export const FLUSH_CHUNK_ROWS = { pglite: 100, postgres: 1_000 } as const;

export interface FlushChunk {
  /** Names exactly these rows: a chunk is never merged or split while it keeps its id. */
  id: string;
  rows: PendingMarket[];
}

interface FlushedMarket {
  id: number;
  source: Platform;
  externalMarketId: string;
  marketName: string;
  reason: UnmappedReason;
}

/** A market the flush announces, and why (see ALERT_CAUSES): one cause per market per chunk. */
type AnnouncedMarket = FlushedMarket & { cause: AlertCause };

export interface FlushResult {
  rows: number;
  sightings: number;
  /** Markets this flush inserted: each market is "new" exactly once, ever. */
  inserted: FlushedMarket[];
  /** MAPPED markets this flush reopened as NEW because they were sighted unmapped again. */
  regressed: FlushedMarket[];
  /** Every market to announce, with its cause: the inserted and regressed ones, unsnoozed and escalating. */
  announced: AnnouncedMarket[];
  /** The rows that could not be written for now (database unreachable, lost reply), flattened. */
  failed: PendingMarket[];
  /** The same rows as the chunks they were sent in: retry each with its id and exact content. */
  failedChunks: FlushChunk[];
  /** Rows the database refused for what they contain (e.g. a NUL byte); never retried. */
  rejected: RejectedMarket[];
  /** The ids of the chunks that committed (a retried one too): what the announce step claims. */
  batchIds: string[];
  error?: Error;
}

interface RejectedMarket {
  market: PendingMarket;
  code: string;
  error: string;
}

export const emptyFlushResult = (): FlushResult => ({
  rows: 0,
  sightings: 0,
  inserted: [],
  regressed: [],
  announced: [],
  failed: [],
  failedChunks: [],
  rejected: [],
  batchIds: [],
});

interface ReturnedRow {
  id: number;
  inserted: boolean;
  cause: AlertCause | null;
  source: Platform | null;
  external_market_id: string | null;
  market_name: string | null;
  reason: UnmappedReason | null;
}

/** As flush_batches stores it; batches written before causes existed have `regressed` only. */
type StoredAnnouncement = FlushedMarket & { regressed: boolean; cause?: AlertCause | null };
const causeOf = (a: StoredAnnouncement): AlertCause => a.cause ?? (a.regressed ? "regressed" : "new");

/** Rows in a fixed order so concurrent flushes from several processes lock rows in the same order. */
function byKey(a: PendingMarket, b: PendingMarket): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return a.externalMarketId < b.externalMarketId ? -1 : a.externalMarketId > b.externalMarketId ? 1 : 0;
}

/** The chunk as the statement's one JSON parameter (also used by the flush bench's baseline statement). */
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
      // A journal line from before kickoffs were recorded has none.
      k: p.nextKickoffAt == null ? null : new Date(p.nextKickoffAt).toISOString(),
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

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure
const codeOf = (e: unknown): string => String((e as { code?: unknown }).code ?? "");

/**
 * A failure caused by what the rows contain, which no retry can fix: data exceptions (class 22:
 * NUL in text, bad encoding, overflow), integrity violations (class 23), program limits (54: an
 * index row too big) and a row affected twice (21000). Everything else (connection lost, timeout,
 * shutdown, out of memory) is transient and the chunk is retried as it is.
 */
function isDataError(e: unknown): boolean {
  const code = codeOf(e);
  return /^(22|23|54)/.test(code) || code === "21000";
}

function isCommittedBefore(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  return err.code === "23505" && (err.constraint === "flush_batches_pkey" || /flush_batches_pkey/.test(err.message ?? ""));
}

type ChunkOutcome = { ok: true; announced: AnnouncedMarket[]; rows: number } | { ok: false; error: unknown };

/** One chunk, one statement. A retry of a chunk that already committed reads back what it announced. */
async function writeChunk(db: Database, chunk: FlushChunk): Promise<ChunkOutcome> {
  const sorted = chunk.rows.length > 1 ? [...chunk.rows].sort(byKey) : chunk.rows;
  let json: string;
  try {
    json = toRecordsetJson(sorted);
  } catch (e) {
    // A row that cannot even be serialised (an invalid date) is as hopeless as one the database refuses.
    return { ok: false, error: Object.assign(new Error(`unserialisable row: ${(e as Error).message}`), { code: "22000" }) };
  }
  try {
    const rows = await withRetry(() => db.queryBulk<ReturnedRow>(UPSERT_SQL, [json, chunk.id]));
    const announced: AnnouncedMarket[] = [];
    for (const r of rows) {
      if (r.cause === null) continue;
      const { source, external_market_id, market_name, reason } = r;
      announced.push({
        id: Number(r.id),
        source: source!,
        externalMarketId: external_market_id!,
        marketName: market_name!,
        reason: reason!,
        cause: r.cause,
      });
    }
    return { ok: true, announced, rows: rows.length };
  } catch (e) {
    if (!isCommittedBefore(e)) return { ok: false, error: e };
    try {
      const found = await db.query<{ announced: StoredAnnouncement[] }>(`SELECT announced FROM flush_batches WHERE id = $1::uuid`, [
        chunk.id,
      ]);
      if (found.length === 0) return { ok: false, error: e };
      const announced = found[0].announced.map((a) => ({
        id: a.id,
        source: a.source,
        externalMarketId: a.externalMarketId,
        marketName: a.marketName,
        reason: a.reason,
        cause: causeOf(a),
      }));
      return { ok: true, announced, rows: chunk.rows.length };
    } catch (readError) {
      return { ok: false, error: readError };
    }
  }
}

function commit(result: FlushResult, chunk: FlushChunk, outcome: { announced: AnnouncedMarket[]; rows: number }) {
  result.rows += outcome.rows;
  result.batchIds.push(chunk.id);
  for (const p of chunk.rows) result.sightings += p.count;
  for (const announced of outcome.announced) {
    result.announced.push(announced);
    const { cause, ...market } = announced;
    if (cause === "new") result.inserted.push(market);
    else if (cause === "regressed") result.regressed.push(market);
  }
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
export async function flushBatch(
  db: Database,
  batch: Iterable<PendingMarket>,
  chunkRows: number = FLUSH_CHUNK_ROWS[db.kind],
): Promise<FlushResult> {
  return writeChunks(db, chunksOf(batch, chunkRows));
}

export async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
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
