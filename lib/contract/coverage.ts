// Coverage watch (issue 13): after each run, a mapped market a platform stopped offering, or whose
// outcome names stopped matching the mapping, is a coverage alert until a later run finds it again
// (or a person dismisses it). The list and dismissal, the socket message and the webhook event
// share the alert's schema. The rules are in docs/DECISIONS.md, "Coverage watch".
import { z } from "zod";
import { idParamsSchema, timestampSchema } from "./common";
import { cursorQueryShape, listOf, newestFirstKeyset, type Keyset } from "./cursor";
import { platformSchema } from "./enums";

const COVERAGE_KINDS = ["dropped", "outcomes_changed"] as const;
/** What a person reads for each kind (the dashboard's card, a mapping's history). */
export const COVERAGE_KIND_LABELS: Record<(typeof COVERAGE_KINDS)[number], string> = {
  dropped: "No longer offered",
  outcomes_changed: "Outcomes changed",
};
export const coverageKindSchema = z
  .enum(COVERAGE_KINDS)
  .meta({ id: "CoverageKind" })
  .describe("dropped: no longer offered; outcomes_changed: outcome names the mapping does not name appeared");

/** At most this many new outcome names are kept with an alert. */
export const NEW_NAMES_CAP = 20;

const coverageDetailsSchema = z
  .object({
    previousRunId: z.number().int().describe("The earlier run compared with (the latest one with events of this platform)"),
    previousEvents: z.number().int().describe("The platform's events in that run"),
    previousOffered: z.number().int().describe("Of them, the events that offered the market"),
    events: z.number().int().describe("The platform's events in the run that raised the alert"),
    offered: z.number().int().describe("Of them, the events that offered the market (0 for dropped)"),
    newNames: z
      .array(z.string())
      .max(NEW_NAMES_CAP)
      .describe(
        `outcomes_changed: outcome names the mapping does not name and the earlier run did not have (at most ${NEW_NAMES_CAP}); empty for dropped`,
      ),
  })
  .meta({ id: "CoverageDetails" });

export const coverageAlertSchema = z
  .object({
    id: z.number().int(),
    canonicalId: z.string().describe("The mapping (GET /api/mappings/{canonicalId})"),
    mappingName: z.string().describe("The mapping's name when the alert was raised"),
    platform: platformSchema,
    marketKey: z.string().describe("The platform's market id (SportyBet) or key (Bet9ja) the mapping names"),
    kind: coverageKindSchema,
    runId: z.number().int().describe("The run that raised it"),
    details: coverageDetailsSchema,
    createdAt: timestampSchema,
    resolvedAt: timestampSchema.nullable().describe("null while open"),
    resolvedRunId: z.number().int().nullable().describe("The run that found the market offered (or its names matching) again"),
    dismissedBy: z.string().nullable().describe("Who dismissed it, when a person did"),
  })
  .meta({ id: "CoverageAlert" });
export type CoverageAlert = z.infer<typeof coverageAlertSchema>;

const COVERAGE_STATUSES = ["open", "resolved", "all"] as const;
export const coverageListQuerySchema = z
  .object({
    status: z.enum(COVERAGE_STATUSES).default("open").describe("open (default), resolved (by a run or dismissed) or all"),
    ...cursorQueryShape,
  })
  .strict();
export type CoverageListQuery = z.infer<typeof coverageListQuerySchema>;
/** Newest first by (createdAt, id), per status. */
export const coverageKeyset = (status: CoverageListQuery["status"]): Keyset => newestFirstKeyset({ status });

export const coverageAlertListSchema = listOf(coverageAlertSchema).meta({ id: "CoverageAlertList" });
export const coverageAlertIdParamsSchema = idParamsSchema;

/** At most this many alerts are named in one socket message or webhook event; `count` is the full number. */
export const COVERAGE_MESSAGE_CAP = 50;

/** What one run's watch (or one dismissal) changed: the socket message's and the webhook event's data. */
export const coverageChangeSchema = z
  .object({
    runId: z.number().int().nullable().describe("The run whose end raised or resolved them; null for a dismissal"),
    count: z.number().int().describe("Alerts raised"),
    alerts: z.array(coverageAlertSchema).max(COVERAGE_MESSAGE_CAP).describe(`The alerts raised, at most ${COVERAGE_MESSAGE_CAP}`),
    resolved: z.array(z.number().int()).max(COVERAGE_MESSAGE_CAP).describe("Ids of alerts resolved or dismissed"),
  })
  .meta({ id: "CoverageChange" });
export type CoverageChange = z.infer<typeof coverageChangeSchema>;
