import { z } from "zod";
import { timestampSchema } from "./common";

export const healthSchema = z.object({
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
  recorder: z.object({ pendingMarkets: z.number().int(), pendingSightings: z.number().int(), droppedSightings: z.number().int() }),
  process: z
    .object({
      uncaughtExceptions: z.number().int().describe("Since start; each one is logged with its stack"),
      unhandledRejections: z.number().int(),
    })
    .describe("Faults in server code the process survived"),
});
export type Health = z.infer<typeof healthSchema>;
