// Turning an unmapped market into a mapping, the loop the product exists for. In ONE transaction:
// the mapping change, the market's status MAPPED, and the audit entries; the cache is reloaded
// before the caller answers, so the next scrape counts the market as mapped. The change is
// checked against the market's own latest sighting first: a mapping that would still leave it
// unmapped is refused instead of being saved.
import type { MapMarket, MapResult } from "@/lib/contract/mappings";
import type { Platform } from "@/lib/contract/enums";
import { uniqueSlugs } from "@/lib/slug";
import type { TriageService } from "@/server/discovery/triage-service";
import { conflict, notFound } from "@/server/http/errors";
import type { Sighting } from "@/server/scraping/types";
import { MappingCache } from "./cache";
import { outcomeField, pairOutcomes } from "./candidates";
import { mergeMappings, type MappingEntry, type MappingOutcome } from "./catalog";
import { PLATFORM_FIELD, unprocessable, type MappingService } from "./mapping-service";

/** Outcomes for a brand-new mapping, one per sampled outcome, named as the platform names them. */
function outcomesFromSamples(source: Platform, samples: string[]): MappingOutcome[] {
  const field = outcomeField(source);
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
function withPairing(source: Platform, outcomes: MappingOutcome[], samples: string[]): MappingOutcome[] {
  const field = outcomeField(source);
  const byOutcome = new Map<string, string>();
  for (const p of pairOutcomes(source, samples, outcomes)) {
    if (p.canonicalOutcomeId && p.confidence >= 0.5) byOutcome.set(p.canonicalOutcomeId, p.sampleName);
  }
  return outcomes.map((o) => {
    const name = byOutcome.get(o.canonicalId);
    return name === undefined ? o : { ...o, [field]: name, betpawaName: o.betpawaName ?? name };
  });
}

export async function mapMarket(
  mappings: MappingService,
  triage: TriageService,
  marketId: number,
  body: MapMarket,
  actor = "anonymous",
): Promise<MapResult> {
  await mappings.write(async (tx) => {
    const market = await tx.unmappedMarket.findUnique({ where: { id: marketId } });
    if (!market) throw notFound(`Unmapped market ${marketId}`);
    if (market.status === "MAPPED") {
      throw conflict(`Market ${marketId} is already MAPPED${market.mappingCanonicalId ? ` by ${market.mappingCanonicalId}` : ""}`);
    }
    const source = market.source as Platform;
    const field = PLATFORM_FIELD[source];
    const samples = Array.isArray(market.sampleOutcomes) ? (market.sampleOutcomes as { name: string; odds: number | null }[]) : [];
    const sampleNames = samples.map((o) => o.name);

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
    mappings.assertNoHolder(effective, next, existing);

    // Would the scraper now count this market as mapped? Check against its latest sighting.
    const probe: Sighting = {
      source,
      eventId: "map-check",
      externalMarketId: market.externalMarketId,
      name: market.marketName,
      specifier: market.specifiers[0] ?? null,
      outcomes: samples.map((o) => ({ name: o.name, odds: o.odds ?? 1 })),
    };
    const verdict = new MappingCache(mergeMappings(effective, [next])).lookup(probe);
    if (!verdict.mapped) {
      const hint =
        verdict.reason === "NO_MATCHING_OUTCOMES"
          ? "pair at least one of the market's outcomes with a mapping outcome that has a betpawa name"
          : verdict.reason === "UNSUPPORTED_PLATFORM"
            ? "give the mapping its betpawa market id"
            : "the market's lines are not understood by this mapping";
      throw unprocessable(`This mapping would still leave the market unmapped (${verdict.reason}): ${hint}`, "body.outcomes");
    }

    await mappings.saveEntry(tx, next, body.reason ?? null, actor);
    await tx.unmappedMarket.update({
      where: { id: marketId },
      data: { status: "MAPPED", mappedAt: new Date(), mappingCanonicalId: next.canonicalId, version: { increment: 1 } },
    });
    await tx.auditEntry.create({
      data: {
        entityType: "unmapped_market",
        entityId: String(marketId),
        action: "mapped",
        actor,
        before: { status: market.status },
        after: { status: "MAPPED", mapping: next.canonicalId },
        reason: body.reason ?? null,
      },
    });
  });
  return { mapping: await mappings.get(body.canonicalId), market: await triage.get(marketId) };
}
