// The one mapping cache the scraper consults per sighting (~100k per cycle), so every lookup is a
// handful of Map hits. The rules mirror BOOKMAKER-API.md 1.8 (SportyBet) and 2.7 (Bet9ja), over the
// id tables in lookup-tables.ts; the reason codes say why the reference scraper would have dropped
// the market.
import { bet9jaMarketCode } from "@/lib/contract/bet9ja-key";
import type { UnmappedReason } from "@/lib/contract/enums";
import type { LookupResult, ScrapedOutcome, Sighting } from "@/server/scraping/types";
import type { MappingOutcomeDto } from "@/lib/contract/mappings";
import type { MappingEntry } from "./catalog";
import {
  BET9JA_HANDICAP_MARKETS,
  BET9JA_HAOU_FAMILY,
  BET9JA_LINE_MARKETS,
  HAOU_AWAY_SUFFIXES,
  HAOU_HOME_SUFFIXES,
  SPORTYBET_ANY_SPECIFIER_IDS,
  SPORTYBET_HANDICAP_IDS,
  SPORTYBET_TOTAL_IDS,
  SPORTYBET_VARIANT_IDS,
  type HaouTarget,
} from "./lookup-tables";

const MAX_SPECIFIER_LENGTH = 1000;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite decimal number, as Python's float() would accept it minus inf/nan. */
function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

interface Compiled {
  entry: MappingEntry;
  /** Lower-cased sportybetDesc -> whether the first outcome with that desc has a betpawa name. */
  descs: Map<string, boolean>;
  /** Outcome position -> whether the first outcome at that position has a betpawa name. */
  positions: Map<number, boolean>;
  /** bet9jaSuffix -> whether the first outcome with that suffix has a betpawa name. */
  suffixes: Map<string, boolean>;
}

type HaouSide = { supported: boolean } | null;

interface Indexes {
  entries: readonly MappingEntry[];
  sportybet: Map<string, Compiled>;
  bet9ja: Map<string, Compiled>;
  haou: Map<string, { home: HaouSide; away: HaouSide }>;
}

function setFirst<K>(map: Map<K, boolean>, key: K, value: boolean): void {
  if (!map.has(key)) map.set(key, value);
}

function compile(entry: MappingEntry): Compiled {
  const compiled: Compiled = { entry, descs: new Map(), positions: new Map(), suffixes: new Map() };
  // User outcomes come from database JSON; a malformed one is ignored rather than allowed to make
  // every lookup of that market throw.
  const outcomes: readonly Partial<MappingOutcomeDto>[] = Array.isArray(entry.outcomes) ? entry.outcomes : [];
  for (const o of outcomes) {
    if (typeof o !== "object" || o === null) continue;
    const named = typeof o.betpawaName === "string";
    if (typeof o.sportybetDesc === "string") setFirst(compiled.descs, o.sportybetDesc.toLowerCase(), named);
    if (typeof o.position === "number") setFirst(compiled.positions, o.position, named);
    if (typeof o.bet9jaSuffix === "string") setFirst(compiled.suffixes, o.bet9jaSuffix, named);
  }
  return compiled;
}

/** Index key -> entry; a user entry beats a builtin one, otherwise the first entry wins. */
function claim(map: Map<string, Compiled>, key: string | null, compiled: Compiled): void {
  if (key === null) return;
  const current = map.get(key);
  const overrides = current?.entry.origin !== "user" && compiled.entry.origin === "user";
  if (current === undefined || overrides) map.set(key, compiled);
}

function buildIndexes(entries: readonly MappingEntry[]): Indexes {
  const sportybet = new Map<string, Compiled>();
  const bet9ja = new Map<string, Compiled>();
  const byBetpawaId = new Map<string, Compiled>();
  const byCanonicalId = new Map<string, Compiled>();
  for (const entry of entries) {
    const compiled = compile(entry);
    claim(sportybet, entry.sportybetId, compiled);
    claim(bet9ja, entry.bet9jaKey, compiled);
    claim(byBetpawaId, entry.betpawaId, compiled);
    claim(byCanonicalId, entry.canonicalId, compiled);
  }
  const side = (target: HaouTarget): HaouSide => {
    const found = byBetpawaId.get(target.betpawaId) ?? byCanonicalId.get(target.fallbackCanonicalId);
    return found === undefined ? null : { supported: found.entry.betpawaId !== null };
  };
  const haou = new Map<string, { home: HaouSide; away: HaouSide }>();
  for (const [key, family] of BET9JA_HAOU_FAMILY) {
    haou.set(key, { home: side(family.home), away: side(family.away) });
  }
  return { entries, sportybet, bet9ja, haou };
}

interface ParsedSpecifier {
  total: boolean;
  hcp: boolean;
  variant: boolean;
  /** A total= or hcp= whose value could not be parsed. */
  invalid: boolean;
}

function validHandicap(value: string): boolean {
  if (!value.includes(":")) return parseDecimal(value) !== null;
  const parts = value.split(":");
  return parts.length === 2 && parts.every((p) => parseDecimal(p) !== null);
}

/** Same reading as the reference: `|`-separated `key=value`, keys case-insensitive, blanks skipped. */
function parseSpecifier(specifier: string): ParsedSpecifier {
  const parsed: ParsedSpecifier = { total: false, hcp: false, variant: false, invalid: false };
  for (const part of specifier.split("|")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (key === "" || value === "") continue;
    if (key === "total") {
      if (parseDecimal(value) !== null) parsed.total = true;
      else parsed.invalid = true;
    } else if (key === "hcp") {
      if (validHandicap(value)) parsed.hcp = true;
      else parsed.invalid = true;
    } else if (key === "variant") {
      parsed.variant = true;
    }
  }
  return parsed;
}

function codePointLength(text: string): number {
  return text.length <= MAX_SPECIFIER_LENGTH ? text.length : Array.from(text).length;
}

function sportybetSpecifierUnderstood(id: string, entry: MappingEntry, specifier: string | null): boolean {
  if (specifier === null || specifier.trim() === "") return true;
  if (codePointLength(specifier) > MAX_SPECIFIER_LENGTH) return true;
  if (SPORTYBET_ANY_SPECIFIER_IDS.has(id)) return true;
  const parsed = parseSpecifier(specifier);
  if (SPORTYBET_TOTAL_IDS.has(id) && parsed.total) return true;
  if (SPORTYBET_HANDICAP_IDS.has(id) && parsed.hcp) return true;
  if (SPORTYBET_VARIANT_IDS.has(id) && parsed.variant) return true;
  // The id lists only describe the builtin table. A user who maps a market that comes with lines
  // has said the lines are fine; refusing them would leave that market unmapped for ever.
  return entry.origin === "user" && !parsed.invalid;
}

function bet9jaParamUnderstood(market: string, entry: MappingEntry, param: string | null): boolean {
  const numeric = param !== null && parseDecimal(param) !== null;
  if (BET9JA_LINE_MARKETS.has(market) || BET9JA_HANDICAP_MARKETS.has(market)) return numeric;
  if (param === null) return true;
  return entry.origin === "user" && numeric;
}

function usable(outcome: ScrapedOutcome): boolean {
  return outcome.odds !== null;
}

function sportybetOutcomesMatch(compiled: Compiled, outcomes: readonly ScrapedOutcome[]): boolean {
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i];
    if (!usable(outcome)) continue;
    // A desc match decides, even when that mapping outcome has no betpawa name; only when no desc
    // matches does the position in the array count (1.8 step 3).
    const byDesc = compiled.descs.get(outcome.name.toLowerCase());
    if (byDesc ?? compiled.positions.get(i) ?? false) return true;
  }
  return false;
}

function bet9jaOutcomesMatch(compiled: Compiled, outcomes: readonly ScrapedOutcome[]): boolean {
  return outcomes.some((o) => usable(o) && compiled.suffixes.get(o.name) === true);
}

function unmapped(reason: UnmappedReason): LookupResult {
  return { mapped: false, reason };
}
const MAPPED: LookupResult = Object.freeze({ mapped: true } as const);

function lookupSportybet(idx: Indexes, s: Sighting): LookupResult {
  const compiled = idx.sportybet.get(s.externalMarketId);
  if (compiled === undefined) return unmapped("UNKNOWN_MARKET");
  if (compiled.entry.betpawaId === null) return unmapped("UNSUPPORTED_PLATFORM");
  if (!sportybetSpecifierUnderstood(s.externalMarketId, compiled.entry, s.specifier)) {
    return unmapped("UNKNOWN_PARAM_MARKET");
  }
  return sportybetOutcomesMatch(compiled, s.outcomes) ? MAPPED : unmapped("NO_MATCHING_OUTCOMES");
}

function lookupHaou(sides: { home: HaouSide; away: HaouSide }, s: Sighting): LookupResult {
  const { home, away } = sides;
  if (home === null && away === null) return unmapped("UNKNOWN_MARKET");
  if (!home?.supported && !away?.supported) return unmapped("UNSUPPORTED_PLATFORM");
  if (s.specifier === null || parseDecimal(s.specifier) === null) {
    return unmapped("UNKNOWN_PARAM_MARKET");
  }
  const hasSide = (suffixes: ReadonlySet<string>) => s.outcomes.some((o) => usable(o) && suffixes.has(o.name));
  if (home?.supported && hasSide(HAOU_HOME_SUFFIXES)) return MAPPED;
  if (away?.supported && hasSide(HAOU_AWAY_SUFFIXES)) return MAPPED;
  return unmapped("NO_MATCHING_OUTCOMES");
}

function lookupBet9ja(idx: Indexes, s: Sighting): LookupResult {
  const key = s.externalMarketId;
  const haou = idx.haou.get(key);
  if (haou !== undefined) return lookupHaou(haou, s);
  const compiled = idx.bet9ja.get(key);
  if (compiled === undefined) return unmapped("UNKNOWN_MARKET");
  if (compiled.entry.betpawaId === null) return unmapped("UNSUPPORTED_PLATFORM");
  const market = bet9jaMarketCode(key);
  const param = s.specifier === "" ? null : s.specifier;
  if (!bet9jaParamUnderstood(market, compiled.entry, param)) {
    return unmapped("UNKNOWN_PARAM_MARKET");
  }
  return bet9jaOutcomesMatch(compiled, s.outcomes) ? MAPPED : unmapped("NO_MATCHING_OUTCOMES");
}

export class MappingCache {
  // One reference holds every index, so replace() swaps them all at once and a lookup running
  // alongside a reload sees either the old set or the new one, never a mix.
  private indexes: Indexes;
  private currentVersion = 1;

  constructor(entries: MappingEntry[]) {
    this.indexes = buildIndexes(Object.freeze([...entries]));
  }

  replace(entries: MappingEntry[]): void {
    this.indexes = buildIndexes(Object.freeze([...entries]));
    this.currentVersion += 1;
  }

  get entries(): readonly MappingEntry[] {
    return this.indexes.entries;
  }

  get version(): number {
    return this.currentVersion;
  }

  lookup(s: Sighting): LookupResult {
    const idx = this.indexes;
    return s.source === "sportybet" ? lookupSportybet(idx, s) : lookupBet9ja(idx, s);
  }

  /**
   * The canonical market of a sighting lookup() mapped (one Map hit, asked only then); null for a
   * Bet9ja HAOU-type key, which splits into two canonical markets (home and away).
   */
  canonicalIdOf(s: Sighting): string | null {
    const idx = this.indexes;
    if (s.source === "sportybet") return idx.sportybet.get(s.externalMarketId)?.entry.canonicalId ?? null;
    if (idx.haou.has(s.externalMarketId)) return null;
    return idx.bet9ja.get(s.externalMarketId)?.entry.canonicalId ?? null;
  }
}
