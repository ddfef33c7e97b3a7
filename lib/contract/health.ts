import { z } from "zod";
import { timestampSchema } from "./common";
import { platformSchema } from "./enums";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.object({
      kind: z.enum(["pglite", "postgres"]),
      ok: z.boolean(),
      error: z
        .enum(["timeout", "unreachable"])
        .optional()
        .describe("When not ok: no answer within HEALTH_DB_TIMEOUT_MS, or the database refused or failed"),
    }),
    scheduler: z.object({
      enabled: z.boolean(),
      intervalSeconds: z.number().int(),
      running: z.boolean().describe("A scrape run is in progress"),
      currentRunId: z.number().int().nullable(),
      nextRunAt: timestampSchema.nullable(),
    }),
    recorder: z.object({
      pendingMarkets: z.number().int(),
      pendingSightings: z.number().int(),
      droppedSightings: z.number().int().describe("Sightings lost: dropped past the pending limit or the journal could not be written"),
      retryingMarkets: z.number().int().describe("Markets in chunks that failed for now and are sent first by the next flush"),
      retryingSightings: z.number().int(),
      spilledSightings: z
        .number()
        .int()
        .describe("Sightings this process wrote to the spill journal (replayed when the database takes writes)"),
      journalFiles: z.number().int().describe("Spill journal files waiting for a replay"),
      rejectedMarkets: z.number().int().describe("Markets the database refused for their content (e.g. a NUL byte); never retried"),
      rejectedSightings: z.number().int(),
      lastRejected: z
        .array(
          z.object({
            source: platformSchema,
            externalMarketId: z.string(),
            sightings: z.number().int(),
            code: z.string().describe("PostgreSQL SQLSTATE"),
            at: timestampSchema,
          }),
        )
        .describe("The latest rejected markets, newest first (at most 10)"),
    }),
    process: z
      .object({
        uncaughtExceptions: z.number().int().describe("Since start; each one is logged with its stack"),
        unhandledRejections: z.number().int(),
      })
      .describe("Faults in server code the process survived"),
  })
  .meta({ id: "Health" });
export type Health = z.infer<typeof healthSchema>;
