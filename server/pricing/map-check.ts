// POST /api/unmapped/{id}/map/check: a proposed mapping judged by the competitors' prices, and its
// dry run, from the price snapshot. The plan (the mapping /map would save) comes from
// MapMarketService.plan, so the check judges exactly what /map would write; /map runs this same
// check and refuses a suspicious verdict unless confirmed. See docs/DECISIONS.md, "Price-aware mapping".
import { PLATFORM_FIELDS } from "@/lib/contract/mappings";
import type { Platform } from "@/lib/contract/enums";
import type { MapCheck, PriceVerdict } from "@/lib/contract/price-check";
import type { LockedMarket } from "@/server/discovery/triage-service";
import { MappingCache } from "@/server/mapping/cache";
import { mergeMappings, type MappingEntry } from "@/server/mapping/catalog";
import { compareRows, type NamedComparison } from "./compare";
import { CLEARLY_BETTER_MARGIN, CONSISTENT_MAX_DIFF } from "./consistency";
import { latestOnly, type PriceRow, type SnapshotPrices } from "./snapshot-prices";

/** What /map would save: MapMarketService.plan's answer. */
export interface MapPlan {
  market: LockedMarket;
  counterpart: LockedMarket | null;
  effective: MappingEntry[];
  next: MappingEntry;
}

const PLATFORMS = Object.keys(PLATFORM_FIELDS) as Platform[];
const points = (d: number) => (d * 100).toFixed(1);
const sameName = (platform: Platform, a: string, b: string) => (platform === "sportybet" ? a.toLowerCase() === b.toLowerCase() : a === b);

/** The mapping outcome a platform's outcome name belongs to, as the mapping cache matches names. */
function outcomeOf(entry: MappingEntry, platform: Platform, name: string) {
  const field = PLATFORM_FIELDS[platform].outcome;
  return entry.outcomes.find((o) => o[field] !== null && sameName(platform, o[field]!, name));
}

/** A's outcome name -> the name the mapping gives the same outcome on platform `to`. */
export function partnerVia(entry: MappingEntry, from: Platform, to: Platform): (name: string) => string | null {
  return (name) => outcomeOf(entry, from, name)?.[PLATFORM_FIELDS[to].outcome] ?? null;
}

/** One comparison in words: why its verdict. */
function reasonsOf({ aNames, bNames, check }: NamedComparison): string[] {
  if (check.eventsCompared === 0) return ["no shared event with usable odds on both sides"];
  const mean = check.proposed.mean;
  const words: string[] = [];
  if (mean === null) words.push("the mapping pairs none of the outcomes");
  else if (check.reasons.includes("difference"))
    words.push(`${points(mean)} points apart on average (consistent up to ${points(CONSISTENT_MAX_DIFF)})`);
  else words.push(`${points(mean)} points apart on average over ${check.eventsCompared} events`);
  if (check.bestDiffers && check.best?.mean != null) {
    const pairs = check.best.pairing.flatMap((j, i) => (j === null ? [] : [`${aNames[i]} with ${bNames[j]}`]));
    words.push(
      `pairing ${pairs.join(", ")} fits ${check.reasons.includes("better_pairing") ? "better" : "as well"}: ${points(check.best.mean)} points`,
    );
  }
  return words;
}

/** The check in one line, for /map's refusal and the history of a confirmed mapping. */
export function checkSummary(check: MapCheck): string {
  const mean = check.meanDifference === null ? "" : `, ${points(check.meanDifference)} points apart`;
  const why = check.comparisons.flatMap((c) => (c.verdict === "suspicious" ? c.reasons : []));
  return `${check.verdict} over ${check.eventsCompared} events${mean}${why.length ? `; ${why.join("; ")}` : ""}`;
}

function overall(verdicts: readonly PriceVerdict[]): PriceVerdict {
  if (verdicts.includes("suspicious")) return "suspicious";
  return verdicts.includes("consistent") ? "consistent" : "no_overlap";
}

export class PriceCheckService {
  constructor(private readonly snapshot: SnapshotPrices) {}

  async check({ market, counterpart, effective, next }: MapPlan): Promise<MapCheck> {
    const source = market.source;
    const runs = await this.snapshot.runs();
    const own = await this.snapshot.ofMarket(runs, source, market.externalMarketId);
    const latest = latestOnly(own);
    const matches = [...new Set(latest.map((r) => r.matchId))];
    const comparisons: MapCheck["comparisons"] = [];
    for (const platform of PLATFORMS) {
      const key = platform === source ? null : next[PLATFORM_FIELDS[platform].market];
      if (!key) continue;
      const other = latestOnly(await this.snapshot.ofMarkets(runs, [{ platform, marketKey: key }], matches));
      const named = compareRows(latest, other, partnerVia(next, source, platform));
      const { check, aNames, bNames } = named;
      comparisons.push({
        platform,
        externalMarketId: key,
        via: counterpart?.source === platform ? "counterpart" : "mapping",
        verdict: check.verdict,
        eventsCompared: check.eventsCompared,
        eventsSkipped: check.eventsSkipped,
        meanDifference: check.proposed.mean,
        bestDiffers: check.bestDiffers,
        outcomes: aNames.map((name, i) => {
          const [proposed, best] = [named.pairing[i], check.best?.pairing[i] ?? null];
          return {
            name,
            pairedWith: proposed === null ? null : bNames[proposed],
            meanDifference: check.proposed.perOutcome[i] ?? null,
            bestPairedWith: best === null ? null : bNames[best],
          };
        }),
        reasons: reasonsOf(named),
      });
    }
    const compared = comparisons.reduce((n, c) => n + c.eventsCompared, 0);
    const weighted = comparisons.filter((c) => c.meanDifference !== null && c.eventsCompared > 0);
    const weight = weighted.reduce((n, c) => n + c.eventsCompared, 0);
    return {
      verdict: overall(comparisons.map((c) => c.verdict)),
      eventsCompared: compared,
      meanDifference: weight === 0 ? null : weighted.reduce((s, c) => s + c.meanDifference! * c.eventsCompared, 0) / weight,
      thresholds: { consistentMaxDiff: CONSISTENT_MAX_DIFF, clearlyBetterMargin: CLEARLY_BETTER_MARGIN },
      comparisons,
      dryRun: dryRun(market, own, effective, next),
    };
  }
}

/** How much of the latest run's sightings of the market the mapping would count as mapped. */
function dryRun(market: LockedMarket, rows: readonly PriceRow[], effective: MappingEntry[], next: MappingEntry): MapCheck["dryRun"] {
  const runId = rows.reduce<number | null>((max, r) => (max === null || r.runId > max ? r.runId : max), null);
  const run = rows.filter((r) => r.runId === runId);
  const cache = new MappingCache(mergeMappings(effective, [next]));
  const lines = new Map<string, { sightings: number; covered: number; events: Set<string>; coveredEvents: Set<string> }>();
  const names = new Set(market.sampleOutcomes.map((o) => o.name));
  for (const r of run) {
    const covered = cache.lookup({
      source: market.source,
      eventId: r.matchId,
      externalMarketId: r.marketKey,
      name: market.marketName,
      specifier: r.line || null,
      outcomes: r.outcomes,
    }).mapped;
    const line = lines.get(r.line) ?? { sightings: 0, covered: 0, events: new Set<string>(), coveredEvents: new Set<string>() };
    line.sightings++;
    line.events.add(r.matchId);
    if (covered) {
      line.covered++;
      line.coveredEvents.add(r.matchId);
    }
    lines.set(r.line, line);
    for (const o of r.outcomes) names.add(o.name);
  }
  const events = new Set(run.map((r) => r.matchId));
  const coveredEvents = new Set([...lines.values()].flatMap((l) => [...l.coveredEvents]));
  return {
    runId,
    sightings: run.length,
    events: events.size,
    coveredSightings: [...lines.values()].reduce((n, l) => n + l.covered, 0),
    coveredEvents: coveredEvents.size,
    lines: [...lines.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([line, l]) => ({
        line,
        sightings: l.sightings,
        events: l.events.size,
        coveredSightings: l.covered,
        coveredEvents: l.coveredEvents.size,
      })),
    unmatchedOutcomes: [...names].filter((n) => !outcomeOf(next, market.source, n)),
  };
}
