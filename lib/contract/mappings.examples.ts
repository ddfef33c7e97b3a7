// Examples of the mapping bodies and answers for the OpenAPI document: openapi-examples.ts puts each
// on the media type of its schema. Typed with the schemas' types here, and parsed by the schemas in
// openapi.test.ts (formats, lengths, refinements), so none drifts from what the API accepts and sends.
import type { z } from "zod";
import type { mapCheckSchema } from "./price-check";
import type * as M from "./mappings";
import { unmappedDetailExample } from "./unmapped.examples";

const builtinItemExample = {
  canonicalId: "btts_ft",
  name: "Both Teams To Score - Full Time",
  origin: "builtin",
  betpawaId: "3795",
  sportybetId: "29",
  bet9jaKey: "S_GGNG",
  outcomeCount: 2,
  active: true,
  priority: 0,
} satisfies M.MappingItem;

/** The team's own mapping, as the list shows it (the detail adds its outcomes). */
const userItemExample = {
  canonicalId: "ht_correct_score_total",
  name: "1st Half - Correct Score & Total Goals",
  origin: "user",
  betpawaId: "990031",
  sportybetId: "818",
  bet9jaKey: null,
  outcomeCount: 3,
  active: true,
  priority: 1,
} as const;

export const mappingListExample = {
  items: [builtinItemExample, userItemExample],
  total: 2,
  page: 1,
  pageSize: 50,
  nextCursor: null,
} satisfies z.input<typeof M.mappingListSchema>;

const outcomesExample = [
  { canonicalId: "score_1_0_over_0_5", betpawaName: "1-0 & Over 0.5", sportybetDesc: "1:0 & Over 0.5", bet9jaSuffix: null, position: 0 },
  { canonicalId: "score_0_0_under_0_5", betpawaName: "0-0 & Under 0.5", sportybetDesc: "0:0 & Under 0.5", bet9jaSuffix: null, position: 1 },
  { canonicalId: "other", betpawaName: "Any other", sportybetDesc: "Other", bet9jaSuffix: null, position: 2 },
] satisfies M.MappingOutcomeDto[];

export const mappingDetailExample = {
  ...userItemExample,
  outcomes: outcomesExample,
  version: 1,
  updatedAt: "2026-12-06T09:20:15.730Z",
  builtin: null,
} satisfies z.input<typeof M.mappingDetailSchema>;

/** A SportyBet-only mapping: the Bet9ja key and outcome suffixes are left out (they are null), positions follow the list. */
export const mappingCreateExample = {
  canonicalId: "ht_correct_score_total",
  name: "1st Half - Correct Score & Total Goals",
  betpawaId: "990031",
  sportybetId: "818",
  outcomes: [
    { canonicalId: "score_1_0_over_0_5", betpawaName: "1-0 & Over 0.5", sportybetDesc: "1:0 & Over 0.5" },
    { canonicalId: "score_0_0_under_0_5", betpawaName: "0-0 & Under 0.5", sportybetDesc: "0:0 & Under 0.5" },
    { canonicalId: "other", betpawaName: "Any other", sportybetDesc: "Other" },
  ],
  reason: "Traders asked for it; betpawa launched the market on 1 December",
} satisfies z.input<typeof M.mappingCreateSchema>;

export const mappingPatchExample = {
  bet9jaKey: "S_HTCSOU",
  reason: "Bet9ja offers it too",
} satisfies z.input<typeof M.mappingPatchSchema>;

/** Extend an existing mapping with this market: the outcomes default to the suggested pairing. */
export const mapMarketExample = {
  canonicalId: "ht_correct_score_total",
  reason: "Same market as SportyBet 818",
} satisfies z.input<typeof M.mapMarketSchema>;

export const mapResultExample = {
  mapping: mappingDetailExample,
  market: {
    ...unmappedDetailExample,
    status: "MAPPED",
    version: 4,
    mappedAt: "2026-12-06T09:20:15.730Z",
    mappingCanonicalId: "ht_correct_score_total",
  },
} satisfies z.input<typeof M.mapResultSchema>;

export const mapCheckExample = {
  verdict: "suspicious",
  eventsCompared: 6,
  meanDifference: 0.31,
  thresholds: { consistentMaxDiff: 0.04, clearlyBetterMargin: 0.02 },
  comparisons: [
    {
      platform: "bet9ja",
      externalMarketId: "S_OU",
      via: "mapping",
      verdict: "suspicious",
      eventsCompared: 6,
      eventsSkipped: 0,
      meanDifference: 0.31,
      bestDiffers: true,
      outcomes: [
        { name: "Over", pairedWith: "U", meanDifference: 0.31, bestPairedWith: "O" },
        { name: "Under", pairedWith: "O", meanDifference: 0.31, bestPairedWith: "U" },
      ],
      reasons: ["31.0 points apart on average (consistent up to 4.0)", "pairing Over with O, Under with U fits better: 1.2 points"],
    },
  ],
  dryRun: {
    runId: 412,
    sightings: 18,
    events: 6,
    coveredSightings: 18,
    coveredEvents: 6,
    lines: [{ line: "total=2.5", sightings: 6, events: 6, coveredSightings: 6, coveredEvents: 6 }],
    unmatchedOutcomes: [],
  },
} satisfies z.input<typeof mapCheckSchema>;

export const candidatesExample = {
  mappings: [
    {
      canonicalId: "correct_score_ht",
      name: "1st Half - Correct Score",
      origin: "builtin",
      betpawaId: "3821",
      score: 0.71,
      reasons: ["name 82% similar", "2 of 3 outcomes pair (67%)"],
      occupied: false,
      pairings: [
        { sampleName: "1:0 & Over 0.5", canonicalOutcomeId: "score_1_0", betpawaName: "1-0", confidence: 0.74 },
        { sampleName: "Other", canonicalOutcomeId: null, betpawaName: null, confidence: 0 },
      ],
      features: { name: 0.82, outcomes: 0.67, lines: 1, prices: null },
      price: null,
      safeToAccept: false,
    },
  ],
  markets: [
    {
      id: 4377,
      source: "bet9ja",
      externalMarketId: "S_HTCSOU",
      marketName: "Half Time Correct Score & Over/Under",
      score: 0.83,
      reasons: ["name 79% similar", "3 of 3 outcomes alike", "both take lines", "prices agree: 1.4 points over 12 events"],
      features: { name: 0.79, outcomes: 1, lines: 1, prices: 0.86 },
      price: {
        verdict: "consistent",
        eventsCompared: 12,
        meanDifference: 0.014,
        pairing: [
          { name: "1:0 & Over 0.5", pairedWith: "1-0 & Over 0.5" },
          { name: "0:0 & Under 0.5", pairedWith: "0-0 & Under 0.5" },
        ],
      },
      safeToAccept: true,
    },
  ],
} satisfies z.input<typeof M.candidatesSchema>;
