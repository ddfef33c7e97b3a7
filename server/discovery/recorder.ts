// Aggregates unmapped sightings in memory between flushes: one entry per (source, externalMarketId)
// holding how many times it was seen, its latest name and outcomes, and the lines seen. This is the
// hot path of a scrape (one call per unmapped market instance), so it does no I/O and no copying.
import type { Platform, UnmappedReason } from "@/lib/contract/enums";
import type { Health } from "@/lib/contract/health";
import type { ScrapedOutcome, Sighting } from "@/server/scraping/types";
import { log as logger } from "@/server/log";

export const MAX_SPECIFIERS = 50;
export const MAX_SAMPLE_OUTCOMES = 10;

export interface PendingMarket {
  source: Platform;
  externalMarketId: string;
  name: string;
  reason: UnmappedReason;
  count: number;
  firstSeenAt: number;
  lastSeenAt: number;
  outcomes: ScrapedOutcome[];
  specifiers: string[];
  /** The run that recorded it last (null outside a run), and its distinct events in that run. */
  runId: number | null;
  events: number;
  runSightings: number;
  lastEventId: string;
  /**
   * The soonest kickoff (epoch ms) among the events of run `runId` that sighted it whose kickoff was
   * still ahead when sighted; null: none. Absent in journal lines written before it existed.
   */
  nextKickoffAt: number | null;
}

/** A kickoff counts only while it is ahead of the sighting: a match under way is not "coming up". */
const ahead = (kickoff: number | null, at: number): number | null =>
  kickoff !== null && Number.isFinite(kickoff) && kickoff > at ? kickoff : null;

/** The sooner of two kickoffs, either of which may be unknown. */
const soonest = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null ? (b ?? null) : b == null ? a : Math.min(a, b);

/** What the recorder itself reports into /api/health's `recorder`. */
export type RecorderStats = Pick<Health["recorder"], "pendingMarkets" | "pendingSightings" | "droppedSightings">;

export class Recorder {
  private pending = new Map<string, PendingMarket>();
  private pendingSightings = 0;
  private dropped = 0;

  /**
   * @param maxPending distinct markets held at most. When a new market would pass it, the whole
   *   pending batch goes to `onFull` (which spills it to the journal) and recording starts empty;
   *   without `onFull` new markets are dropped and counted.
   */
  constructor(
    private readonly maxPending = 200_000,
    private readonly log: (msg: string) => void = (m) => logger.warn(m),
    private readonly onFull?: (batch: Map<string, PendingMarket>) => void,
  ) {}

  /**
   * An event's sightings are recorded in one synchronous burst, so "a different event than the
   * previous sighting of this market" counts distinct events exactly without a set per market.
   * @param kickoff the sighting's event kickoff (epoch ms), when known.
   */
  record(s: Sighting, reason: UnmappedReason, at: number = Date.now(), runId: number | null = null, kickoff: number | null = null): void {
    const key = s.source + "\u0000" + s.externalMarketId;
    const p = this.pending.get(key);
    if (p === undefined) {
      if (this.pending.size >= this.maxPending) {
        if (!this.onFull) return this.drop(1);
        this.onFull(this.drain());
      }
      this.pending.set(key, {
        source: s.source,
        externalMarketId: s.externalMarketId,
        name: s.name,
        reason,
        count: 1,
        firstSeenAt: at,
        lastSeenAt: at,
        outcomes: s.outcomes,
        specifiers: s.specifier === null ? [] : [s.specifier],
        runId,
        events: 1,
        runSightings: 1,
        lastEventId: s.eventId,
        nextKickoffAt: ahead(kickoff, at),
      });
    } else {
      p.count++;
      if (p.runId !== runId) {
        p.runId = runId;
        p.events = 0;
        p.runSightings = 0;
        p.lastEventId = "";
        p.nextKickoffAt = null;
      }
      p.nextKickoffAt = soonest(p.nextKickoffAt, ahead(kickoff, at));
      p.runSightings++;
      if (p.lastEventId !== s.eventId) {
        p.events++;
        p.lastEventId = s.eventId;
      }
      if (at >= p.lastSeenAt) {
        p.lastSeenAt = at;
        p.name = s.name;
        p.reason = reason;
        if (s.outcomes.length > 0) p.outcomes = s.outcomes;
      }
      if (at < p.firstSeenAt) p.firstSeenAt = at;
      if (s.specifier !== null && p.specifiers.length < MAX_SPECIFIERS && !p.specifiers.includes(s.specifier)) {
        p.specifiers.push(s.specifier);
      }
    }
    this.pendingSightings++;
  }

  /** Hands over everything pending and starts empty; the caller flushes it or gives it back. */
  take(): PendingMarket[] {
    return [...this.drain().values()];
  }

  /** Like take(), without copying: a swap, whatever the size (the flush walks the map in chunks). */
  drain(): Map<string, PendingMarket> {
    const batch = this.pending;
    this.pending = new Map();
    this.pendingSightings = 0;
    return batch;
  }

  /** Counts sightings that could not be kept anywhere (the journal could not be written). */
  lost(sightings: number): void {
    this.drop(sightings);
  }

  /** Gives back a batch whose flush failed, merged with whatever was recorded since. */
  restore(batch: PendingMarket[]): void {
    for (const b of batch) {
      const key = b.source + "\u0000" + b.externalMarketId;
      const p = this.pending.get(key);
      if (p === undefined) {
        if (this.pending.size >= this.maxPending) {
          this.drop(b.count);
          continue;
        }
        this.pending.set(key, b);
      } else {
        p.count += b.count;
        if (p.runId === b.runId) {
          p.events += b.events;
          p.runSightings += b.runSightings;
          p.nextKickoffAt = soonest(p.nextKickoffAt, b.nextKickoffAt);
        }
        p.firstSeenAt = Math.min(p.firstSeenAt, b.firstSeenAt);
        if (b.lastSeenAt > p.lastSeenAt) {
          p.lastSeenAt = b.lastSeenAt;
          p.name = b.name;
          p.reason = b.reason;
          p.outcomes = b.outcomes;
        }
        for (const sp of b.specifiers) {
          if (p.specifiers.length >= MAX_SPECIFIERS) break;
          if (!p.specifiers.includes(sp)) p.specifiers.push(sp);
        }
      }
      this.pendingSightings += b.count;
    }
  }

  stats(): RecorderStats {
    return { pendingMarkets: this.pending.size, pendingSightings: this.pendingSightings, droppedSightings: this.dropped };
  }

  private drop(sightings: number): void {
    // Without a journal: only when the database has been failing for long enough to fill memory.
    if (this.dropped === 0) this.log(`[recorder] pending limit ${this.maxPending} reached or journal unwritable; dropping sightings`);
    this.dropped += sightings;
  }
}
