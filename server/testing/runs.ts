// Helpers for the flush's triage tests: scrape runs made with SQL, sightings recorded (and flushed)
// in a run, concurrent flushes of one batch, a publisher that keeps every alert's causes, and what
// a market holds.
import type { AlertCause, UnmappedAlertData } from "@/lib/contract/realtime";
import type { Database } from "@/server/db/client";
import type { DiscoveryService } from "@/server/discovery/discovery-service";
import { flushBatch } from "@/server/discovery/flush";
import { Recorder } from "@/server/discovery/recorder";
import type { Publisher } from "@/server/realtime/publisher";
import { sighting } from "./discovery";

/** A scrape run row, started `daysAgo` days ago (the per-run counts name it). */
export async function newRun(db: Database, daysAgo = 0): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO scrape_runs (trigger, status, started_at) VALUES ('manual', 'completed', now() - make_interval(days => $1)) RETURNING id`,
    [daysAgo],
  );
  return Number(id);
}

/** Records `n` sightings of market `id` in run `runId`, one event each `perEvent` sightings. */
export function recordIn(d: Pick<Recorder, "record">, id: string, runId: number | null, n: number, at = Date.now(), perEvent = n): void {
  for (let k = 0; k < n; k++) d.record({ ...sighting(id), eventId: `ev${Math.floor(k / perEvent)}` }, "UNKNOWN_MARKET", at, runId);
}

/** recordIn, then one flush of what was recorded: "n sightings of this market in that run reach the database". */
export async function flushSightings(d: DiscoveryService, id: string, runId: number | null, n: number, at?: number) {
  recordIn(d, id, runId, n, at);
  return d.flush();
}

/**
 * `copies` flushes at once of the same batch, each market of `ids` sighted once in it, cut into
 * chunks of `chunkRows`: how several processes' flushes of one market meet. Returns their results.
 */
export function concurrentFlushes(db: Database, ids: readonly string[], copies: number, chunkRows: number) {
  const batches = Array.from({ length: copies }, () => {
    const r = new Recorder();
    for (const id of ids) r.record(sighting(id), "UNKNOWN_MARKET");
    return r.take();
  });
  return Promise.all(batches.map((b) => flushBatch(db, b, chunkRows)));
}

export interface Announcement {
  externalMarketId: string;
  cause: AlertCause;
  regressed: boolean;
}

/** Keeps every announced market (from alerts' market lists) and the alerts' counts. */
export function causes(): Publisher & { all: Announcement[]; count: number } {
  const p = {
    all: [] as Announcement[],
    count: 0,
    publish(type: string, data: unknown) {
      if (type !== "unmapped_alert") return;
      const a = data as UnmappedAlertData;
      p.count += a.count;
      p.all.push(...a.markets.map(({ externalMarketId, cause, regressed }) => ({ externalMarketId, cause, regressed })));
    },
  };
  return p;
}

export interface MarketState {
  id: number;
  status: string;
  version: number;
  occurrence_count: number;
  escalating: boolean;
  escalated_at: Date | null;
  baseline: number | null;
  snoozed_at: Date | null;
  snooze_until: Date | null;
  snooze_sightings: number | null;
  snooze_from_count: number | null;
  snooze_escalating: boolean;
  snooze_baseline: number | null;
}

export async function market(db: Database, externalId: string): Promise<MarketState> {
  const [row] = await db.query<MarketState>(
    `SELECT id, status::text, version, occurrence_count, escalating, escalated_at, baseline, snoozed_at, snooze_until,
            snooze_sightings, snooze_from_count, snooze_escalating, snooze_baseline
     FROM unmapped_markets WHERE source = 'sportybet' AND external_market_id = $1`,
    [externalId],
  );
  return { ...row, id: Number(row.id) };
}

/** The audit actions written for a market, oldest first. */
export async function auditActions(db: Database, marketId: number): Promise<{ action: string; after: Record<string, unknown> | null }[]> {
  return db.query(`SELECT action, after FROM audit_log WHERE entity_type = 'unmapped_market' AND entity_id = $1 ORDER BY id`, [
    String(marketId),
  ]);
}
