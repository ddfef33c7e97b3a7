import { z } from "zod";
import { timestampSchema } from "./common";
import { cursorQueryShape, listOf, type Keyset } from "./cursor";
import { runStatusSchema } from "./enums";

const sourceRunStatsSchema = z
  .object({
    events: z.number().int().describe("Events whose markets were fetched and parsed"),
    eventsFailed: z.number().int(),
    markets: z.number().int().describe("Market instances (sightings), mapped or not"),
    mapped: z.number().int(),
    unmapped: z.number().int(),
    new: z.number().int().describe("Unmapped markets seen for the first time ever"),
    reopened: z
      .number()
      .int()
      .optional()
      .describe(
        "Markets that were MAPPED and were sighted unmapped again in this run: reopened as NEW and announced again. Absent when none",
      ),
    snapshotSkipped: z
      .number()
      .int()
      .optional()
      .describe("Events scraped but left out of the price snapshot: their payload had no usable SportRadar match id. Absent when none"),
    snapshotFailed: z
      .number()
      .int()
      .optional()
      .describe("Market instances the price snapshot could not write (logged; the run is not failed for it). Absent when none"),
    dataErrors: z.number().int().describe("Malformed outcomes or keys skipped"),
    errors: z.array(z.string()).describe("First errors of this source, at most 20"),
  })
  .meta({ id: "SourceRunStats" });
export type SourceRunStats = z.infer<typeof sourceRunStatsSchema>;

export const scrapeRunSchema = z
  .object({
    id: z.number().int(),
    trigger: z.enum(["schedule", "manual"]),
    status: runStatusSchema,
    startedAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
    events: z.number().int(),
    markets: z.number().int(),
    mapped: z.number().int(),
    unmapped: z.number().int(),
    newMarkets: z.number().int(),
    sources: z.record(z.string(), sourceRunStatsSchema),
    error: z.string().nullable(),
  })
  .meta({ id: "ScrapeRun" });
export type ScrapeRun = z.infer<typeof scrapeRunSchema>;

export const scrapeRunListQuerySchema = z
  .object({ ...cursorQueryShape, limit: cursorQueryShape.limit.unwrap().default(20).describe("Runs per answer, 1-200, newest first") })
  .strict();
export const scrapeRunListSchema = listOf(scrapeRunSchema).meta({ id: "ScrapeRunList" });
/** Runs newest first: (startedAt, id) descending. */
export const runKeyset: Keyset = { sort: "startedAt:desc", filters: {}, kinds: ["timestamp", "int"] };

export const scrapeTriggerQuerySchema = z
  .object({
    wait: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
  })
  .strict();
export const scrapeAcceptedSchema = z.object({ runId: z.number().int() }).meta({ id: "ScrapeAccepted" });
