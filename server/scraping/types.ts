// The normalised shapes every source and parser agree on. A source speaks its platform's native
// payload; a parser turns that payload into sightings; the coordinator never sees native shapes.
import type { Platform, UnmappedReason } from "@/lib/contract/enums";
import type { Config } from "@/server/config";

/** One outcome as scraped. odds is null when the payload's odds were unusable. */
export interface ScrapedOutcome {
  name: string;
  odds: number | null;
}

/**
 * One market instance in one event snapshot: one market with one line. This is the unit the
 * product counts ("a sighting").
 */
export interface Sighting {
  source: Platform;
  eventId: string;
  /** sportybet: the market `id`; bet9ja: the full market key, e.g. `S_OU`. */
  externalMarketId: string;
  name: string;
  /** The line as the platform wrote it (`total=2.5`, `2.5`), or null for a simple market. */
  specifier: string | null;
  outcomes: ScrapedOutcome[];
}

/**
 * What the payload says about the match itself, for the price snapshot. Every field is null when
 * the payload lacks it or it is unusable; an event without a match id stays out of the snapshot.
 */
export interface ScrapedEvent {
  /** The SportRadar match id, digits only: SportyBet `eventId` minus `sr:match:`, Bet9ja `EXTID`. */
  matchId: string | null;
  kickoff: Date | null;
  home: string | null;
  away: string | null;
}

export interface ParseResult {
  sightings: Sighting[];
  /** Outcomes or keys the parser had to skip (malformed odds, rejected keys). */
  dataErrors: number;
  /** Absent when the parser could not read even the envelope's event fields (no markets either). */
  event?: ScrapedEvent;
}

/** An upcoming event a source discovered; `ref` is what fetchEvent needs to fetch it again. */
export interface DiscoveredEvent {
  source: Platform;
  ref: string;
  startsAt: Date;
  /** The SportRadar match id when the listing names it (Bet9ja's EXTID): the snapshot's fallback when the event payload does not. */
  matchId?: string;
}

/** The native payload of one event, exactly as the platform's event endpoint wraps it. */
export type NativeEventPayload = { platform: "sportybet"; body: unknown } | { platform: "bet9ja"; body: unknown };

/** How a source tells the run about partial failures and progress while it discovers. */
export interface DiscoveryReport {
  /** A part of discovery failed (one tournament, one group); the rest goes on. */
  error(message: string): void;
  /** done of total discovery requests (tournaments, groups) have finished. */
  progress(done: number, total: number): void;
}

export interface Source {
  /** Name used in SOURCES and in run statistics. */
  readonly name: string;
  /** Throws only when the source as a whole failed (e.g. its tournament list is unreachable). */
  discover(signal: AbortSignal, report?: DiscoveryReport): Promise<DiscoveredEvent[]>;
  fetchEvent(event: DiscoveredEvent, signal: AbortSignal): Promise<NativeEventPayload>;
  /**
   * Fetches and parses in one step, for a source that parses off the server's thread (the demo's
   * worker). Without it the coordinator parses fetchEvent's payload itself.
   */
  fetchParsed?(event: DiscoveredEvent, signal: AbortSignal): Promise<ParseResult>;
  /** Releases what the source holds (a worker thread, keep-alive sockets); called once at shutdown. */
  close?(): Promise<void>;
}

/** A name SOURCES may use. */
export type SourceName = Config["SOURCES"][number];

/** What a source's folder registers (sources/index.ts, under its name in SOURCES): how the configuration builds it. */
export interface SourceDefinition {
  create(config: Config): Source;
}

/** A bookmaker also owns the parser of its platform's event payloads (the demo feed sends them too). */
export interface BookmakerDefinition extends SourceDefinition {
  platform: Platform;
  parse(body: unknown, ref: string): ParseResult;
}

export type LookupResult = { mapped: true } | { mapped: false; reason: UnmappedReason };
