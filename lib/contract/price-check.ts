// Price-aware mapping (issue 13): the consistency check of a proposed mapping against the price
// snapshot, its dry run, and the price feature of the candidate ranking. The thresholds live in
// server/pricing/consistency.ts and are documented in docs/DECISIONS.md, "Price-aware mapping".
import { z } from "zod";
import { platformSchema } from "./enums";

export const priceVerdictSchema = z
  .enum(["consistent", "suspicious", "no_overlap"])
  .describe(
    "consistent: the prices agree within the threshold and no other outcome pairing fits clearly better; suspicious: they differ " +
      "beyond it, or another pairing fits clearly better (outcomes swapped); no_overlap: no event offers both sides with usable odds",
  )
  .meta({ id: "PriceVerdict" });
export type PriceVerdict = z.infer<typeof priceVerdictSchema>;

/** Differences are in probability (0.04 = 4 points), margins removed. */
const difference = z.number().min(0).max(1);

const outcomeComparisonSchema = z
  .object({
    name: z.string().describe("The market's outcome, as its platform names it"),
    pairedWith: z.string().nullable().describe("The other platform's outcome the proposal pairs it with; null: unpaired"),
    meanDifference: difference.nullable().describe("Mean absolute difference of implied probability over the events compared"),
    bestPairedWith: z.string().nullable().describe("The other platform's outcome the prices pair it with best"),
  })
  .meta({ id: "OutcomeComparison" });

const comparisonSchema = z
  .object({
    platform: platformSchema,
    externalMarketId: z.string().describe("The other platform's market id or key the prices were compared with"),
    via: z.enum(["mapping", "counterpart"]).describe("mapping: the target mapping's market there; counterpart: body.counterpartId"),
    verdict: priceVerdictSchema,
    eventsCompared: z.number().int().min(0),
    eventsSkipped: z.number().int().min(0).describe("Shared events left out: unusable odds, or an outcome set unlike the usual one"),
    meanDifference: difference.nullable(),
    bestDiffers: z.boolean().describe("The prices support another outcome pairing than the proposed one"),
    outcomes: z.array(outcomeComparisonSchema),
    reasons: z.array(z.string()).describe("Why the verdict, in words"),
  })
  .meta({ id: "PriceComparison" });

const lineCoverageSchema = z
  .object({
    line: z.string().describe("The line as the platform writes it; '' for a simple market"),
    sightings: z.number().int().min(0),
    events: z.number().int().min(0),
    coveredSightings: z.number().int().min(0),
    coveredEvents: z.number().int().min(0),
  })
  .meta({ id: "LineCoverage" });

export const dryRunSchema = z
  .object({
    runId: z.number().int().nullable().describe("The latest run in the snapshot that offered the market; null: none"),
    sightings: z.number().int().min(0),
    events: z.number().int().min(0),
    coveredSightings: z.number().int().min(0).describe("Sightings of that run the mapping would count as mapped"),
    coveredEvents: z.number().int().min(0),
    lines: z.array(lineCoverageSchema),
    unmatchedOutcomes: z.array(z.string()).describe("Outcome names of the market the mapping leaves without a mapping outcome"),
  })
  .meta({ id: "MapDryRun" });

export const mapCheckSchema = z
  .object({
    verdict: priceVerdictSchema.describe("Over every comparison: suspicious if any is, consistent if one is, else no_overlap"),
    eventsCompared: z.number().int().min(0),
    meanDifference: difference.nullable().describe("Over the events compared on every platform"),
    thresholds: z.object({
      consistentMaxDiff: difference.describe("A mean difference above this is suspicious"),
      clearlyBetterMargin: difference.describe("Another pairing better by this much is suspicious (outcomes swapped)"),
    }),
    comparisons: z.array(comparisonSchema),
    dryRun: dryRunSchema,
  })
  .meta({ id: "MapCheck" });
export type MapCheck = z.infer<typeof mapCheckSchema>;

/**
 * A candidate is "safe to accept" from this score up, with a consistent price check: name, outcomes
 * and lines must agree well on their own (a price agreement alone adds at most 0.25), so a market
 * that only prices alike (another period of the same match) is never offered as safe.
 */
export const SAFE_TO_ACCEPT_SCORE = 0.75;

/** The candidate ranking's features (0-1 each); prices null when no shared event had usable odds. */
export const candidateFeaturesSchema = z
  .object({
    name: z.number().min(0).max(1),
    outcomes: z.number().min(0).max(1),
    lines: z.number().min(0).max(1),
    prices: z.number().min(0).max(1).nullable(),
  })
  .meta({ id: "CandidateFeatures" });

export const candidatePriceSchema = z
  .object({
    verdict: priceVerdictSchema,
    eventsCompared: z.number().int().min(0),
    meanDifference: difference.nullable().describe("Under the pairing the prices support"),
    pairing: z
      .array(z.object({ name: z.string(), pairedWith: z.string().nullable() }))
      .describe("The outcome pairing the prices support: each of this market's outcomes and the candidate's outcome"),
  })
  .meta({ id: "CandidatePrice" });
export type CandidatePrice = z.infer<typeof candidatePriceSchema>;
