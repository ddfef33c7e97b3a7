import { z } from "zod";
import type { KeyKind, Keyset } from "./cursor";
import { pageOf, pageQueryShape, reasonTextSchema, timestampSchema, requestBody } from "./common";
import { bet9jaKeySchema } from "./bet9ja-key";
import { platformSchema, type Platform } from "./enums";
import { unmappedDetailSchema } from "./unmapped";
import { candidateFeaturesSchema, candidatePriceSchema, SAFE_TO_ACCEPT_SCORE } from "./price-check";

export const slugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9_]+$/, "use lower-case letters, digits and _ only");

/** The path of a route under a mapping: /api/mappings/{canonicalId}. */
export const canonicalIdParamsSchema = z.object({
  canonicalId: slugSchema.meta({ description: "The mapping's canonicalId; anything else names nothing: 404" }),
});

/** Which mapping field holds a platform's market id, and which outcome field its outcome name. */
export const PLATFORM_FIELDS = {
  sportybet: { market: "sportybetId", outcome: "sportybetDesc" },
  bet9ja: { market: "bet9jaKey", outcome: "bet9jaSuffix" },
} as const satisfies Record<Platform, { market: string; outcome: string }>;

const platformId = z.string().trim().min(1, "must not be empty").max(100);
export const platformIdSchema = platformId;
const reason = reasonTextSchema;
/** Why a change was made; kept in the history. The API takes none; the app's forms require one. */
export const changeReasonSchema = reason;
export const requiredReasonSchema = reason.min(1, "say why: it is kept in the history");

const outcomeName = (max: number) => z.string().trim().min(1).max(max).nullable();
const position = z.number().int().min(0).max(1000);

export const mappingOutcomeSchema = z
  .object({
    canonicalId: slugSchema,
    betpawaName: outcomeName(200),
    sportybetDesc: outcomeName(200),
    bet9jaSuffix: outcomeName(100),
    position,
  })
  .meta({ id: "MappingOutcome" });
export type MappingOutcomeDto = z.infer<typeof mappingOutcomeSchema>;

/**
 * An outcome as a request sends it: a name that may be null may also be left out (a SportyBet-only
 * outcome has no bet9jaSuffix), and position defaults to the outcome's place in the list.
 */
const mappingOutcomeInputSchema = mappingOutcomeSchema
  .extend({
    betpawaName: outcomeName(200).default(null),
    sportybetDesc: outcomeName(200).default(null),
    bet9jaSuffix: outcomeName(100).default(null),
    position: position.optional().describe("Order among the mapping's outcomes; defaults to its index in this list"),
  })
  .meta({ id: "MappingOutcomeInput" });

const outcomesSchema = z
  .array(mappingOutcomeInputSchema)
  .min(1, "a mapping needs at least one outcome")
  .max(200)
  .refine((o) => new Set(o.map((x) => x.canonicalId)).size === o.length, "outcome canonicalIds must be unique")
  .transform((list): MappingOutcomeDto[] => list.map((o, index) => ({ ...o, position: o.position ?? index })));

export const mappingOriginSchema = z.enum(["builtin", "user"]);

/** What names a mapping wherever one is listed or suggested. */
const mappingIdentityShape = {
  canonicalId: z.string(),
  name: z.string(),
  origin: mappingOriginSchema,
  betpawaId: z.string().nullable(),
};

const mappingItemSchema = z
  .object({
    ...mappingIdentityShape,
    sportybetId: z.string().nullable(),
    bet9jaKey: z.string().nullable(),
    outcomeCount: z.number().int(),
    active: z.boolean().describe("Whether the scraper uses this entry now (an overridden built-in entry is inactive)"),
    priority: z.number().int().describe("Precedence for its canonicalId: user (1) overrides built-in (0)"),
  })
  .meta({ id: "MappingItem" });
export type MappingItem = z.infer<typeof mappingItemSchema>;

export const mappingDetailSchema = mappingItemSchema
  .extend({
    outcomes: z.array(mappingOutcomeSchema),
    version: z.number().int().nullable().describe("User mappings only; send as If-Match when editing"),
    updatedAt: timestampSchema.nullable(),
    builtin: mappingItemSchema
      .extend({ outcomes: z.array(mappingOutcomeSchema) })
      .nullable()
      .describe("The built-in entry with this canonicalId, if any"),
  })
  .meta({ id: "MappingDetail" });
export type MappingDetail = z.infer<typeof mappingDetailSchema>;
/** What defines a mapping, wherever one is held whole: its ids, name and outcomes. */
export type MappingDefinition = Pick<MappingDetail, "canonicalId" | "name" | "betpawaId" | "sportybetId" | "bet9jaKey" | "outcomes">;

export const MAPPING_SORTS = ["name", "canonicalId", "origin", "betpawaId", "sportybetId", "bet9jaKey", "outcomeCount", "active"] as const;

export const mappingListQuerySchema = z
  .object({
    origin: mappingOriginSchema.optional(),
    platform: z.enum(["betpawa", "sportybet", "bet9ja"]).optional().describe("Only mappings with an id on this platform"),
    q: z.string().trim().max(200).optional().describe("Case-insensitive: name, canonicalId or any platform id"),
    active: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    sort: z.enum(MAPPING_SORTS).default("name").describe("Missing platform ids sort last; ties by name, then canonicalId"),
    order: z.enum(["asc", "desc"]).default("asc"),
    ...pageQueryShape,
  })
  .strict();
export type MappingListQuery = z.infer<typeof mappingListQuerySchema>;

/** A cursor of the mapping list holds the sort's value, then the tie-breakers: name, canonicalId, priority. */
const MAPPING_SORT_KEY: Record<(typeof MAPPING_SORTS)[number], KeyKind> = {
  name: "text",
  canonicalId: "text",
  origin: ["builtin", "user"],
  betpawaId: "text?",
  sportybetId: "text?",
  bet9jaKey: "text?",
  outcomeCount: "int",
  active: "bool",
};
export const mappingKeyset = (q: MappingListQuery): Keyset => ({
  sort: `${q.sort}:${q.order}`,
  filters: { origin: q.origin, platform: q.platform, q: q.q || undefined, active: q.active },
  kinds: [MAPPING_SORT_KEY[q.sort], "text", "text", "int"],
});
export const mappingListSchema = pageOf(mappingItemSchema).meta({ id: "MappingList" });

/** A mapping's own fields, all but its canonical id: as created, and as the app's forms edit them. */
export const mappingNameSchema = z.string().trim().min(1, "a name is required").max(200);
const mappingFields = {
  name: mappingNameSchema,
  betpawaId: platformId.nullable().optional().describe("null or left out: none yet"),
  sportybetId: platformId.nullable().optional().describe("null or left out: none"),
  bet9jaKey: bet9jaKeySchema.nullable().optional().describe("The full Bet9ja market key, e.g. S_OU; null or left out: none"),
  outcomes: outcomesSchema,
};
const hasPlatformId = (m: { sportybetId?: string | null; bet9jaKey?: string | null }) => Boolean(m.sportybetId || m.bet9jaKey);
const platformIdRequired = { message: "give at least one platform id (sportybetId or bet9jaKey)", path: ["sportybetId"] };

/** The address of the app's new-mapping form (/mappings/new), so no mapping may be called that. */
const NEW_MAPPING_PATH_ID = "new";
export const mappingIdSchema = slugSchema.refine(
  (id) => id !== NEW_MAPPING_PATH_ID,
  `"${NEW_MAPPING_PATH_ID}" is reserved; pick another id`,
);

export const mappingCreateSchema = z
  .object({ canonicalId: mappingIdSchema, ...mappingFields, reason: reason.optional() })
  .strict()
  .refine(hasPlatformId, platformIdRequired)
  .meta({ id: "MappingCreate" });
export type MappingCreate = z.infer<typeof mappingCreateSchema>;

/** A whole mapping as the app's forms edit it (creating or editing), with the reason they require. */
export const mappingFormSchema = z.object({ ...mappingFields, reason: requiredReasonSchema }).refine(hasPlatformId, platformIdRequired);

export const mappingPatchSchema = requestBody("MappingPatch", {
  name: z.string().trim().min(1).max(200).optional(),
  betpawaId: platformId.nullable().optional().describe("null clears; left out: unchanged"),
  sportybetId: platformId.nullable().optional().describe("null clears; left out: unchanged"),
  bet9jaKey: bet9jaKeySchema.nullable().optional().describe("The full Bet9ja market key, e.g. S_OU; null clears; left out: unchanged"),
  outcomes: outcomesSchema.optional().describe("Replaces the whole list; left out: unchanged"),
  reason: reason.optional(),
});
export type MappingPatch = z.infer<typeof mappingPatchSchema>;

export const mappingDeleteQuerySchema = z.object({ reason: reason.optional() }).strict();

export const mapMarketSchema = z
  .object({
    canonicalId: mappingIdSchema.describe("An existing mapping to extend, or the id of a new one"),
    name: z.string().trim().min(1).max(200).optional().describe("Required for a new mapping"),
    betpawaId: platformId.optional().describe("Required for a new mapping; sets it on an existing one"),
    outcomes: outcomesSchema.optional().describe("The mapping's outcomes with this platform's names; defaults to the suggested pairing"),
    counterpartId: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .optional()
      .describe(
        "Map both sides at once: another platform's unmapped market that the same mapping covers. One transaction: both markets MAPPED, both audited. Its outcome names are taken from `outcomes` when they name them, else paired by name",
      ),
    confirmSuspicious: z
      .literal(true)
      .optional()
      .describe("Map even though the price check says suspicious (else 422); needs a reason, kept in the history with the check's figures"),
    reason: reason.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.confirmSuspicious && !body.reason) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "say why the suspicious price check is wrong: confirmSuspicious needs a reason",
      });
    }
  })
  // After the refinement: a refined schema is a new one, and the name belongs to what routes use.
  .meta({ id: "MapMarket" });
export type MapMarket = z.infer<typeof mapMarketSchema>;

export const mapResultSchema = z
  .object({
    mapping: mappingDetailSchema,
    market: unmappedDetailSchema,
    counterpart: unmappedDetailSchema.optional().describe("With counterpartId: the other market, MAPPED by the same mapping"),
  })
  .meta({ id: "MapResult" });
export type MapResult = z.infer<typeof mapResultSchema>;

const outcomePairingSchema = z
  .object({
    sampleName: z.string().describe("The outcome name as the platform sends it"),
    canonicalOutcomeId: z.string().nullable(),
    betpawaName: z.string().nullable(),
    confidence: z.number().min(0).max(1),
  })
  .meta({ id: "OutcomePairing" });

const mappingCandidateSchema = z
  .object({
    ...mappingIdentityShape,
    score: z.number().min(0).max(1),
    reasons: z.array(z.string()),
    /** The mapping already names another market of this platform, so it cannot take this one. */
    occupied: z.boolean(),
    pairings: z.array(outcomePairingSchema).describe("The pairing the prices support when they were compared, else by name"),
    features: candidateFeaturesSchema,
    price: candidatePriceSchema.nullable().describe("Prices over shared events: the mapping's market on the other platforms"),
    safeToAccept: z.boolean().describe(`score at least ${SAFE_TO_ACCEPT_SCORE} and a consistent price check`),
  })
  .meta({ id: "MappingCandidate" });
const marketCandidateSchema = z
  .object({
    id: z.number().int(),
    source: platformSchema,
    externalMarketId: z.string(),
    marketName: z.string(),
    score: z.number().min(0).max(1),
    reasons: z.array(z.string()),
    features: candidateFeaturesSchema,
    price: candidatePriceSchema.nullable().describe("Prices over shared events; pairedWith names the candidate's outcome"),
    safeToAccept: z.boolean().describe(`score at least ${SAFE_TO_ACCEPT_SCORE} and a consistent price check`),
  })
  .meta({ id: "MarketCandidate" });
export const candidatesSchema = z
  .object({
    mappings: z.array(mappingCandidateSchema),
    markets: z.array(marketCandidateSchema),
  })
  .meta({ id: "Candidates" });
export type Candidates = z.infer<typeof candidatesSchema>;
