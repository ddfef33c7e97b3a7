import { z } from "zod";
import { timestampSchema } from "./common";

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ kind: z.enum(["pglite", "postgres"]), ok: z.boolean() }),
  scheduler: z.object({
    enabled: z.boolean(),
    intervalSeconds: z.number().int(),
    running: z.boolean().describe("A scrape run is in progress"),
    currentRunId: z.number().int().nullable(),
    nextRunAt: timestampSchema.nullable(),
  }),
  recorder: z.object({ pendingMarkets: z.number().int(), pendingSightings: z.number().int(), droppedSightings: z.number().int() }),
});
export type Health = z.infer<typeof healthSchema>;
