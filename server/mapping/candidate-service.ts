// What an unmapped market probably is: the mappings the scraper uses now and other platforms'
// unmapped markets, ranked. The other markets are pre-selected in SQL by trigram similarity of
// their names, so this stays cheap with 100,000 markets. The best few of each kind by name are then
// priced against the market over the snapshot's shared events (candidate-prices.ts) and ranked again.
import type { Candidates } from "@/lib/contract/mappings";
import { PLATFORM_FIELDS } from "@/lib/contract/mappings";
import type { Platform } from "@/lib/contract/enums";
import type { Database } from "@/server/db/client";
import { jsonColumn } from "@/server/db/columns";
import type { TriageService } from "@/server/discovery/triage-service";
import { compareRows } from "@/server/pricing/compare";
import { partnerVia } from "@/server/pricing/map-check";
import { latestOnly, type PriceRow, type SnapshotPrices } from "@/server/pricing/snapshot-prices";
import { priceEvidence, type PriceEvidence } from "./candidate-prices";
import { nameLikePartner, otherPlatform, rankMappings, rankMarkets, type OtherMarket } from "./candidates";
import type { MappingService } from "./mapping-service";

/**
 * Candidates of each kind priced: the best by name and outcomes. The price feature weighs 0.25, so a
 * candidate beyond the first dozen by name does not reach the top ten by price alone.
 */
const PRICED_CANDIDATES = 12;
/** Matches of the market whose prices are read per candidate: plenty for a verdict (noise is 1-2 points). */
const PRICED_MATCHES = 100;

interface OtherRow {
  id: number;
  source: Platform;
  external_market_id: string;
  market_name: string;
  sample_outcomes: { name: string }[] | string;
  specifiers: string[];
}

const rowsOf = (rows: readonly PriceRow[], platform: Platform, key: string) =>
  latestOnly(rows.filter((r) => r.platform === platform && r.marketKey === key));

export class CandidateService {
  constructor(
    private readonly db: Database,
    private readonly triage: TriageService,
    private readonly mappings: MappingService,
    private readonly snapshot: SnapshotPrices,
  ) {}

  async forMarket(id: number): Promise<Candidates> {
    const market = await this.triage.get(id);
    const subject = {
      source: market.source,
      externalMarketId: market.externalMarketId,
      marketName: market.marketName,
      outcomes: market.sampleOutcomes.map((o) => o.name),
      specifiers: market.specifiers,
    };
    const rows = await this.db.query<OtherRow>(
      `SELECT id, source, external_market_id, market_name, sample_outcomes, specifiers
       FROM unmapped_markets WHERE source <> $1::"Platform" AND status <> 'IGNORED'
       ORDER BY similarity(market_name, $2) DESC, occurrence_count DESC, id LIMIT 50`,
      [market.source, market.marketName],
    );
    const others: OtherMarket[] = rows.map((r) => ({
      id: Number(r.id),
      source: r.source,
      externalMarketId: r.external_market_id,
      marketName: r.market_name,
      outcomes: jsonColumn(r.sample_outcomes).map((o) => o.name),
      specifiers: r.specifiers ?? [],
    }));
    const entries = this.mappings.cache.entries;
    const byName = {
      mappings: rankMappings(subject, entries, PRICED_CANDIDATES),
      markets: rankMarkets(subject, others, PRICED_CANDIDATES),
    };

    // The market's own instances, then the candidates' in the same matches, in one read each.
    const runs = await this.snapshot.runs();
    const own = latestOnly(await this.snapshot.ofMarket(runs, market.source, market.externalMarketId));
    const matches = [...new Set(own.map((r) => r.matchId))].sort().slice(0, PRICED_MATCHES);
    const matchSet = new Set(matches);
    const inMatches = own.filter((r) => matchSet.has(r.matchId));
    const other = otherPlatform(market.source);
    const entryOf = new Map(entries.map((e) => [e.canonicalId, e]));
    const mappingKeys = byName.mappings.flatMap((c) => {
      const key = entryOf.get(c.canonicalId)?.[PLATFORM_FIELDS[other].market];
      return key ? [{ canonicalId: c.canonicalId, key }] : [];
    });
    const wanted = [
      ...mappingKeys.map((m) => ({ platform: other, marketKey: m.key })),
      ...byName.markets.map((m) => ({ platform: m.source, marketKey: m.externalMarketId })),
    ];
    const priced = inMatches.length ? await this.snapshot.ofMarkets(runs, wanted, matches) : [];

    const mappingPrices = new Map<string, PriceEvidence>();
    for (const { canonicalId, key } of mappingKeys) {
      const named = compareRows(inMatches, rowsOf(priced, other, key), partnerVia(entryOf.get(canonicalId)!, market.source, other));
      mappingPrices.set(canonicalId, priceEvidence(named));
    }
    const marketPrices = new Map<number, PriceEvidence>();
    for (const m of byName.markets) {
      const theirs = rowsOf(priced, m.source, m.externalMarketId);
      const names = [...new Set(theirs.flatMap((r) => r.outcomes.map((o) => o.name)))];
      const ownNames = [...new Set(inMatches.flatMap((r) => r.outcomes.map((o) => o.name)))];
      marketPrices.set(m.id, priceEvidence(compareRows(inMatches, theirs, nameLikePartner(ownNames, names))));
    }
    const pricedEntries = byName.mappings.map((c) => entryOf.get(c.canonicalId)!);
    const pricedOthers = others.filter((o) => byName.markets.some((m) => m.id === o.id));
    return {
      mappings: rankMappings(subject, pricedEntries, 10, mappingPrices),
      markets: rankMarkets(subject, pricedOthers, 10, marketPrices),
    };
  }
}
