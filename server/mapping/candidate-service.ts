// What an unmapped market probably is: the mappings the scraper uses now and other platforms'
// unmapped markets, ranked. The other markets are pre-selected in SQL by trigram similarity of
// their names, so this stays cheap with 100,000 markets.
import type { Candidates } from "@/lib/contract/mappings";
import type { Platform } from "@/lib/contract/enums";
import type { Database } from "@/server/db/client";
import { jsonColumn } from "@/server/db/columns";
import type { TriageService } from "@/server/discovery/triage-service";
import { rankMappings, rankMarkets, type OtherMarket } from "./candidates";
import type { MappingService } from "./mapping-service";

interface OtherRow {
  id: number;
  source: Platform;
  external_market_id: string;
  market_name: string;
  sample_outcomes: { name: string }[] | string;
  specifiers: string[];
}

export class CandidateService {
  constructor(
    private readonly db: Database,
    private readonly triage: TriageService,
    private readonly mappings: MappingService,
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
    return { mappings: rankMappings(subject, this.mappings.cache.entries), markets: rankMarkets(subject, others) };
  }
}
