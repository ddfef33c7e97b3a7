import { z } from "zod";
import { cappedPageOf, pageQueryShape, timestampSchema } from "./common";
import { platformSchema, reasonSchema, statusSchema } from "./enums";

/**
 * A filter that takes several values: `status=NEW&status=IGNORED` and `status=NEW,IGNORED` alike.
 * Documented as what a client sends: an array of the enum, one parameter per value.
 */
const repeatable = <T extends z.ZodEnum<Record<string, string>>>(item: T, what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item))
    .optional()
    .meta({
      description: `${what}; several values match any of them: repeat the parameter or separate the values with commas`,
      param: { style: "form", explode: true },
      override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
        for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
        Object.assign(jsonSchema, { type: "array", items: { type: "string", enum: item.options } });
      },
    });

export const UNMAPPED_SORTS = ["occurrenceCount", "lastSeenAt", "firstSeenAt", "priority", "name", "source", "reason", "status"] as const;

export const unmappedListQuerySchema = z
  .object({
    source: repeatable(platformSchema, "Platform"),
    status: repeatable(statusSchema, "Triage status"),
    reason: reasonSchema.optional(),
    minOccurrences: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
    q: z.string().trim().max(200).optional().describe("Case-insensitive substring of the market name or external id"),
    sort: z
      .enum(UNMAPPED_SORTS)
      .default("lastSeenAt")
      .describe("name = market name; source, reason and status sort in the order the API lists their values"),
    order: z.enum(["asc", "desc"]).default("desc"),
    ...pageQueryShape,
  })
  .strict();
export type UnmappedListQuery = z.infer<typeof unmappedListQuerySchema>;

const outcomeSampleSchema = z.object({ name: z.string(), odds: z.number().nullable() }).meta({ id: "OutcomeSample" });

const unmappedItemSchema = z
  .object({
    id: z.number().int(),
    source: platformSchema,
    externalMarketId: z.string().describe("SportyBet market id, or the full Bet9ja market key such as S_OUA"),
    marketName: z.string(),
    reason: reasonSchema,
    status: statusSchema,
    occurrenceCount: z
      .number()
      .int()
      .describe("Sightings: how many times the market was seen, counting one per market instance (one line) per event snapshot"),
    firstSeenAt: timestampSchema,
    lastSeenAt: timestampSchema,
    regressedAt: timestampSchema.nullable().describe("When a MAPPED market was sighted unmapped again and reopened"),
    priorityScore: z
      .number()
      .describe(
        "ln(1 + occurrenceCount) - days since lastSeenAt: higher is more urgent; each day of silence weighs like e-fold fewer sightings",
      ),
  })
  .meta({ id: "UnmappedItem" });
export type UnmappedItem = z.infer<typeof unmappedItemSchema>;

export const unmappedListSchema = cappedPageOf(unmappedItemSchema).meta({ id: "UnmappedList" });
export type UnmappedList = z.infer<typeof unmappedListSchema>;

export const unmappedDetailSchema = unmappedItemSchema
  .extend({
    sampleOutcomes: z.array(outcomeSampleSchema).describe("Outcomes of the latest sighting"),
    specifiers: z.array(z.string()).describe("Distinct lines seen, oldest first, at most 50"),
    notes: z.string().nullable(),
    updatedAt: timestampSchema.describe("Last triage edit"),
    version: z.number().int().describe("Increments on every triage edit; send it back as If-Match to avoid overwriting"),
    mappedAt: timestampSchema.nullable(),
    mappingCanonicalId: z.string().nullable().describe("The mapping that covers it, once mapped"),
    impact: z
      .object({
        runId: z.number().int(),
        events: z.number().int().describe("Distinct events it appeared in during that run"),
        sightings: z.number().int(),
        share: z
          .number()
          .min(0)
          .max(1)
          .nullable()
          .describe("Its share of all the platform's sightings in that run: coverage gained if mapped"),
      })
      .nullable()
      .describe("In the latest run that sighted it"),
  })
  .meta({ id: "UnmappedDetail" });
export type UnmappedDetail = z.infer<typeof unmappedDetailSchema>;

export const unmappedPatchSchema = z
  .object({
    status: statusSchema.optional(),
    notes: z.string().max(2000, "notes can be at most 2000 characters").nullable().optional().describe("null clears"),
    reason: z.string().trim().max(500).optional().describe("Why; kept in the market's history"),
  })
  .strict()
  .meta({ id: "UnmappedPatch" });
export type UnmappedPatch = z.infer<typeof unmappedPatchSchema>;
