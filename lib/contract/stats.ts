import { z } from "zod";
import { timestampSchema } from "./common";
import { platformSchema, reasonSchema, runStatusSchema, statusSchema } from "./enums";

const byStatus = z.record(statusSchema, z.number().int()).meta({ id: "StatusCounts", description: "Markets by triage status" });
const coverage = z
  .object({
    markets: z.number().int().describe("Sightings in the run"),
    mapped: z.number().int(),
    coverage: z.number().min(0).max(1).nullable().describe("mapped / markets; null when nothing was sighted"),
    new: z.number().int(),
  })
  .meta({ id: "RunCoverage", description: "One platform's sightings in a run and how many were mapped" });

export const statsSchema = z
  .object({
    byStatus,
    byPlatform: z.record(platformSchema, byStatus),
    byReason: z.record(reasonSchema, z.number().int()).describe("Unmapped markets by reason, whatever their status"),
    total: z.number().int(),
    lastRun: z
      .object({
        id: z.number().int(),
        status: runStatusSchema,
        finishedAt: timestampSchema.nullable(),
        coverage: z.record(z.string(), coverage),
      })
      .nullable()
      .describe("The latest finished run"),
    runs: z
      .array(
        z.object({
          id: z.number().int(),
          startedAt: timestampSchema,
          status: runStatusSchema,
          coverage: z.number().min(0).max(1).nullable(),
          newMarkets: z.number().int(),
          perPlatform: z.record(z.string(), coverage),
        }),
      )
      .describe("Finished runs, oldest first, for trends"),
  })
  .meta({ id: "Stats" });
export type Stats = z.infer<typeof statsSchema>;
export const statsQuerySchema = z.object({ runs: z.coerce.number().int().min(1).max(500).default(30) }).strict();
