// The native payloads (BOOKMAKER-API.md 1.7, 2.6) of one match on each platform in one cycle.
import { bet9jaEvent, bet9jaOk, sportybetEvent, sportybetOk } from "../../native/payloads";
import { marketsFor, type Match, type World } from "./world";
import { bookPrices, lineKey } from "@/server/pricing/fair-prices";
import type { Platform } from "@/lib/contract/enums";
import type { MarketSpec } from "./markets";

/** One market instance's prices: shared fair probabilities, this platform's noise and margin. */
function quote(world: World, platform: Platform, match: Match, spec: MarketSpec, line: string | null) {
  const key = { seed: world.seed, match: match.srId, market: spec.priceKey, line: lineKey(line) };
  return bookPrices(platform, key, spec.outcomeKeys, spec.weights);
}

export function sportybetBody(world: World, match: Match, cycle: number): unknown {
  const markets = marketsFor(world, "sportybet", match, cycle).flatMap((spec) =>
    spec.lines.map((specifier) => {
      const quoted = quote(world, "sportybet", match, spec, specifier);
      return {
        id: spec.id,
        product: 3,
        desc: spec.name,
        name: spec.name,
        group: "Main",
        ...(specifier === null ? {} : { specifier }),
        status: 0,
        favourite: 0,
        banned: false,
        sourceType: "BET_RADAR",
        outcomes: spec.outcomes.map((desc, i) => ({
          id: String(i + 1),
          odds: quoted[i].odds,
          probability: quoted[i].probability,
          voidProbability: "0E-10",
          isActive: 1,
          desc,
        })),
      };
    }),
  );
  const { tournament: t } = match;
  return sportybetOk(
    sportybetEvent({
      srId: match.srId,
      gameId: String(20000 + match.slot),
      kickoff: match.kickoff,
      home: match.home,
      away: match.away,
      homeTeamId: `sr:competitor:${1000 + match.homeIndex}`,
      awayTeamId: `sr:competitor:${1000 + match.awayIndex}`,
      sport: { id: "sr:sport:1", name: "Football" },
      category: { id: `sr:category:${t.category}`, name: t.country },
      tournament: { id: `sr:tournament:${t.sr}`, name: t.name },
      markets,
    }),
  );
}

export function bet9jaBody(world: World, match: Match, cycle: number): unknown {
  const odds: Record<string, string> = {};
  const mk: Array<Record<string, unknown>> = [];
  for (const spec of marketsFor(world, "bet9ja", match, cycle)) {
    for (const param of spec.lines) {
      const quoted = quote(world, "bet9ja", match, spec, param);
      const prefix = param === null ? spec.id : `${spec.id}@${param}`;
      spec.outcomes.forEach((suffix, i) => {
        odds[`${prefix}_${suffix}`] = quoted[i].odds;
      });
    }
    // Unnamed markets have no MK item, as on the live site for many niche markets.
    if (spec.name !== spec.id) {
      mk.push({
        ID: spec.id,
        DS: spec.name,
        GCAT: "ALL",
        MARKETID: String(mk.length + 1),
        SGN: spec.outcomes,
        SGNK: spec.outcomes,
      });
    }
  }
  const { tournament: t } = match;
  return bet9jaOk(
    bet9jaEvent({
      id: match.bet9jaId,
      srId: match.srId,
      home: match.home,
      away: match.away,
      kickoff: match.kickoff,
      group: { id: t.group, name: t.name, country: t.country },
      odds,
      mk,
    }),
  );
}
