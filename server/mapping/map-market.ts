// Turning an unmapped market into a mapping, the loop the product exists for. In ONE transaction:
// the mapping change, the market's status MAPPED, and the audit entries; the cache is reloaded
// before the caller answers, so the next scrape counts the market as mapped. The change is
// checked against the market's own latest sighting first: a mapping that would still leave it
// unmapped is refused instead of being saved. Once committed, the status change is announced
// (unmapped_updated) like a triage edit's. With a counterpart (another platform's unmapped market),
// the one mapping takes both, in the same transaction: both markets MAPPED, both audited.
import { PLATFORM_FIELDS, type MapMarket, type MappingOutcomeDto, type MapResult } from "@/lib/contract/mappings";
import type { Platform } from "@/lib/contract/enums";
import { uniqueSlugs } from "@/lib/slug";
import type { LockedMarket, TriageService } from "@/server/discovery/triage-service";
import { conflict } from "@/server/http/errors";
import type { Sighting } from "@/server/scraping/types";
import { MappingCache } from "./cache";
import { pairOutcomes } from "./candidates";
import { mergeMappings, type MappingEntry } from "./catalog";
import { unprocessable, type MappingService, type Tx } from "./mapping-service";
import type { Actor } from "@/lib/contract/audit";
import type { MapCheck } from "@/lib/contract/price-check";
import { checkSummary, type MapPlan, type PriceCheckService } from "@/server/pricing/map-check";

/** Outcomes for a brand-new mapping, one per sampled outcome, named as the platform names them. */
function outcomesFromSamples(source: Platform, samples: string[]): MappingOutcomeDto[] {
  const field = PLATFORM_FIELDS[source].outcome;
  const ids = uniqueSlugs(samples);
  return samples.map((name, position) => ({
    canonicalId: ids[position],
    betpawaName: name,
    sportybetDesc: null,
    bet9jaSuffix: null,
    [field]: name,
    position,
  }));
}

/**
 * Adds this platform's outcome names to an existing mapping's outcomes using the suggested
 * pairing. A paired outcome with no betpawa name yet (a mapping that had no betpawa counterpart)
 * takes the platform's name until someone edits it.
 */
function withPairing(source: Platform, outcomes: MappingOutcomeDto[], samples: string[]): MappingOutcomeDto[] {
  const field = PLATFORM_FIELDS[source].outcome;
  const byOutcome = new Map<string, string>();
  for (const p of pairOutcomes(source, samples, outcomes)) {
    if (p.canonicalOutcomeId && p.confidence >= 0.5) byOutcome.set(p.canonicalOutcomeId, p.sampleName);
  }
  return outcomes.map((o) => {
    const name = byOutcome.get(o.canonicalId);
    return name === undefined ? o : { ...o, [field]: name, betpawaName: o.betpawaName ?? name };
  });
}

/**
 * "Map this market": a runtime service, so route handlers reach it through the runtime registry and
 * never bundle the mapping cache or the catalog themselves. It owns no table: the mapping is written
 * by MappingService and the market by TriageService, inside one mapping write transaction.
 */
export class MapMarketService {
  constructor(
    private readonly mappings: MappingService,
    private readonly triage: TriageService,
    private readonly prices: PriceCheckService,
  ) {}

  /**
   * The mapping /map would save, after every check /map makes of the request itself (locks, the
   * counterpart, a new mapping's name and betpawa id, holders), but before asking whether it covers
   * the markets: /map refuses that, the check only reports it (the dry run).
   */
  async plan(tx: Tx, marketId: number, body: MapMarket): Promise<MapPlan> {
    const { mappings, triage } = this;
    const counterpartId = body.counterpartId;
    if (counterpartId === marketId) throw unprocessable("A market cannot be its own counterpart", "body.counterpartId");
    // Both rows locked in id order, so two maps of the same pair from both ends cannot deadlock.
    const ids = counterpartId === undefined ? [marketId] : [marketId, counterpartId].sort((a, b) => a - b);
    const locked = new Map<number, LockedMarket>();
    for (const id of ids) {
      try {
        locked.set(id, await triage.lock(tx, id));
      } catch (e) {
        if (id === counterpartId && (e as { status?: number }).status === 404)
          throw unprocessable(`There is no unmapped market ${id}`, "body.counterpartId");
        throw e;
      }
    }
    const market = locked.get(marketId)!;
    if (market.status === "MAPPED") {
      throw conflict(`Market ${marketId} is already MAPPED${market.mappingCanonicalId ? ` by ${market.mappingCanonicalId}` : ""}`);
    }
    const counterpart = counterpartId === undefined ? null : locked.get(counterpartId)!;
    if (counterpart) assertCounterpart(market, counterpart);
    const { source } = market;
    const field = PLATFORM_FIELDS[source].market;
    const sampleNames = market.sampleOutcomes.map((o) => o.name);

    const effective = await mappings.effective(tx);
    const existing = effective.find((e) => e.canonicalId === body.canonicalId);
    let next: MappingEntry;
    if (existing) {
      if (existing[field] && existing[field] !== market.externalMarketId) {
        throw conflict(
          `Mapping ${existing.canonicalId} already maps ${source} ${existing[field]}; a mapping takes one market per platform`,
          { holder: existing.canonicalId, errors: [{ field: "body.canonicalId", message: `already maps ${source} ${existing[field]}` }] },
        );
      }
      next = {
        ...existing,
        origin: "user",
        name: body.name ?? existing.name,
        betpawaId: body.betpawaId ?? existing.betpawaId,
        [field]: market.externalMarketId,
        outcomes: body.outcomes ?? withPairing(source, existing.outcomes, sampleNames),
      };
    } else {
      const missing = [
        !body.name && { field: "body.name", message: "a new mapping needs a name" },
        !body.betpawaId && { field: "body.betpawaId", message: "a new mapping needs its betpawa market id" },
      ].filter((x): x is { field: string; message: string } => Boolean(x));
      if (missing.length) throw unprocessable(missing.map((m) => m.message).join("; "), missing[0].field);
      next = {
        canonicalId: body.canonicalId,
        name: body.name!,
        betpawaId: body.betpawaId!,
        sportybetId: null,
        bet9jaKey: null,
        [field]: market.externalMarketId,
        outcomes: body.outcomes ?? outcomesFromSamples(source, sampleNames),
        origin: "user",
      };
    }
    if (counterpart) next = withCounterpart(next, counterpart);
    mappings.assertNoHolder(effective, next, existing);
    return { market, counterpart, effective, next };
  }

  /** The price check and dry run of a proposed mapping: the plan in a transaction that writes nothing. */
  async check(marketId: number, body: MapMarket): Promise<MapCheck> {
    const plan = await this.mappings.read((tx) => this.plan(tx, marketId, body));
    return this.prices.check(plan);
  }

  async apply(marketId: number, body: MapMarket, actor: Actor): Promise<MapResult> {
    const { mappings, triage } = this;
    const counterpartId = body.counterpartId;
    // Planned and checked first outside the write lock (the price check reads the snapshot, which the
    // lock need not wait on): a mapping that would not cover the markets is refused as such before
    // its prices are judged. The write plans again under the lock, so what is saved is still checked
    // against the mappings as they are then.
    const plan = await mappings.read((tx) => this.plan(tx, marketId, body));
    assertPlanCovers(plan);
    const check = await this.prices.check(plan);
    let reason = body.reason ?? null;
    if (check.verdict === "suspicious") {
      // The schema makes confirmSuspicious carry a reason; the history keeps it with the check's figures.
      if (!body.confirmSuspicious) throw refusedAsSuspicious(check);
      reason = `${reason} (mapped despite a suspicious price check: ${checkSummary(check)})`;
    }
    await mappings.write(async (tx) => {
      const { market, counterpart, next } = assertPlanCovers(await this.plan(tx, marketId, body));
      await mappings.saveEntry(tx, next, reason, actor);
      await triage.markMapped(tx, market, next.canonicalId, reason, actor);
      if (counterpart) await triage.markMapped(tx, counterpart, next.canonicalId, reason, actor);
    });
    // Committed: open lists and the markets' pages learn that they are MAPPED now, like any status change.
    triage.webhooksWritten();
    const market = await triage.get(marketId);
    triage.announce(marketId, market.version, ["status"]);
    let counterpart: MapResult["counterpart"];
    if (counterpartId !== undefined) {
      counterpart = await triage.get(counterpartId);
      triage.announce(counterpartId, counterpart.version, ["status"]);
    }
    return { mapping: await mappings.get(body.canonicalId), market, ...(counterpart ? { counterpart } : {}) };
  }
}

/** /map's answer to a suspicious check the request did not confirm: the figures, and how to go on. */
function refusedAsSuspicious(check: MapCheck): Error {
  return unprocessable(
    `The prices say this mapping is suspicious (${checkSummary(check)}); fix the pairing, or send confirmSuspicious: true with a reason`,
    "body.confirmSuspicious",
  );
}

/** The counterpart must be another platform's market that nobody has mapped yet. */
function assertCounterpart(market: LockedMarket, counterpart: LockedMarket): void {
  if (counterpart.source === market.source) {
    throw unprocessable(
      `Market ${counterpart.id} is on ${counterpart.source} too; a mapping takes one market per platform`,
      "body.counterpartId",
    );
  }
  if (counterpart.status === "MAPPED") {
    throw conflict(
      `Market ${counterpart.id} is already MAPPED${counterpart.mappingCanonicalId ? ` by ${counterpart.mappingCanonicalId}` : ""}`,
      {
        errors: [{ field: "body.counterpartId", message: "already MAPPED" }],
      },
    );
  }
}

/**
 * The mapping with the counterpart's market id, and its outcome names: as the request gave them
 * when it names any for that platform, else paired by name with the counterpart's samples.
 */
function withCounterpart(next: MappingEntry, counterpart: LockedMarket): MappingEntry {
  const { market: idField, outcome: outcomeField } = PLATFORM_FIELDS[counterpart.source];
  if (next[idField] && next[idField] !== counterpart.externalMarketId) {
    throw conflict(
      `Mapping ${next.canonicalId} already maps ${counterpart.source} ${next[idField]}; a mapping takes one market per platform`,
      {
        holder: next.canonicalId,
        errors: [{ field: "body.counterpartId", message: `the mapping already maps ${counterpart.source} ${next[idField]}` }],
      },
    );
  }
  const named = next.outcomes.some((o) => o[outcomeField] !== null);
  const samples = counterpart.sampleOutcomes.map((o) => o.name);
  return {
    ...next,
    [idField]: counterpart.externalMarketId,
    outcomes: named ? next.outcomes : withPairing(counterpart.source, next.outcomes, samples),
  };
}

/** Both markets of a plan must be counted as mapped by it. */
function assertPlanCovers(plan: MapPlan): MapPlan {
  assertCovers(plan.market, plan.effective, plan.next);
  if (plan.counterpart) assertCovers(plan.counterpart, plan.effective, plan.next, "body.counterpartId");
  return plan;
}

/** Would the scraper count this market as mapped with `next`? Checked against its latest sighting. */
function assertCovers(market: LockedMarket, effective: MappingEntry[], next: MappingEntry, field = "body.outcomes"): void {
  const probe: Sighting = {
    source: market.source,
    eventId: "map-check",
    externalMarketId: market.externalMarketId,
    name: market.marketName,
    specifier: market.specifiers[0] ?? null,
    outcomes: market.sampleOutcomes.map((o) => ({ name: o.name, odds: o.odds ?? 1 })),
  };
  const verdict = new MappingCache(mergeMappings(effective, [next])).lookup(probe);
  if (verdict.mapped) return;
  const hint =
    verdict.reason === "NO_MATCHING_OUTCOMES"
      ? "pair at least one of the market's outcomes with a mapping outcome that has a betpawa name"
      : verdict.reason === "UNSUPPORTED_PLATFORM"
        ? "give the mapping its betpawa market id"
        : "the market's lines are not understood by this mapping";
  throw unprocessable(`This mapping would still leave market ${market.id} unmapped (${verdict.reason}): ${hint}`, field);
}
