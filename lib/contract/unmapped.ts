import { z } from "zod";
import { cappedPageOf, pageQueryShape, reasonTextSchema, timestampSchema, requestBody } from "./common";
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

/** `assignee=me|none|<userId>`: me is whoever asks (a token: its owner). */
const assigneeFilterSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe("me: assigned to whoever asks (a token: its owner); none: nobody; else a user id");

/** A yes/no filter: `true`/`false` in a query string, a JSON boolean in a body (a bulk change's filter). */
const booleanParam = z
  .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
  .meta({ override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => Object.assign(jsonSchema, { type: "boolean" }) });

/** What a list shows (the filters), without its order or page: also the scope of a bulk change and of a saved view's count. */
export const unmappedFilterShape = {
  source: repeatable(platformSchema, "Platform"),
  status: repeatable(statusSchema, "Triage status"),
  reason: reasonSchema.optional(),
  minOccurrences: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  q: z.string().trim().max(200).optional().describe("Case-insensitive substring of the market name or external id"),
  assignee: assigneeFilterSchema.optional(),
  escalating: booleanParam.optional().describe("true: only markets whose sightings in their latest run crossed the escalation threshold"),
};

/** The list's order: also the export's. */
export const unmappedSortShape = {
  sort: z
    .enum(UNMAPPED_SORTS)
    .default("lastSeenAt")
    .describe("name = market name; source, reason and status sort in the order the API lists their values"),
  order: z.enum(["asc", "desc"]).default("desc"),
};

export const unmappedListQuerySchema = z
  .object({
    ...unmappedFilterShape,
    trendRuns: z.coerce
      .number()
      .int()
      .min(0)
      .max(30)
      .optional()
      .describe("With n > 0 each item carries `trend`: its sightings in each of the last n runs, oldest first"),
    ...unmappedSortShape,
    ...pageQueryShape,
  })
  .strict();
export type UnmappedListQuery = z.infer<typeof unmappedListQuerySchema>;

/** A person as other people see them: enough to show and to pick. */
export const personRefSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: "PersonRef" });

export const SNOOZE_SIGHTINGS_MAX = 1_000_000;
/** "Ignore until": any condition that is met reopens the market as NEW (cause unsnoozed, or escalating). */
export const snoozeSchema = z
  .object({
    until: timestampSchema.optional().describe("Reopen when it is sighted after this time"),
    sightings: z
      .number()
      .int()
      .min(1, "at least 1")
      .max(SNOOZE_SIGHTINGS_MAX, `at most ${SNOOZE_SIGHTINGS_MAX}`)
      .optional()
      .describe("Reopen after this many more sightings"),
    escalating: z.literal(true).optional().describe("Reopen when its sightings in a run exceed 3x its per-run baseline when snoozed"),
  })
  .strict()
  .refine((s) => s.until !== undefined || s.sightings !== undefined || s.escalating !== undefined, {
    message: "a snooze needs a condition: until, sightings or escalating",
  })
  .meta({ id: "Snooze" });
export type Snooze = z.infer<typeof snoozeSchema>;

const snoozeStateSchema = z
  .object({
    until: timestampSchema.nullable(),
    sightings: z.number().int().nullable().describe("More sightings it waits for, counted from snoozedAt"),
    remainingSightings: z.number().int().nullable().describe("How many of those are still to come"),
    escalating: z.boolean(),
    baseline: z.number().nullable().describe("Its per-run baseline when snoozed; the threshold is 3x max(baseline, 5)"),
    snoozedAt: timestampSchema,
  })
  .meta({ id: "SnoozeState" });
export type SnoozeState = z.infer<typeof snoozeStateSchema>;

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
    nextKickoffAt: timestampSchema
      .nullable()
      .describe(
        "The soonest kickoff among the events its latest run sighted it in that were still ahead when sighted; null: none (it may have passed since)",
      ),
    priorityScore: z
      .number()
      .describe(
        "ln(1 + occurrenceCount) - days since lastSeenAt + 2 / (1 + h / 6), h = hours from lastSeenAt to nextKickoffAt (0 without one): " +
          "higher is more urgent; each day of silence weighs like e-fold fewer sightings, a match kicking off soon adds up to 2",
      ),
    assignee: personRefSchema.nullable().describe("Who owns its triage; null: nobody"),
    escalating: z.boolean().describe("Its sightings in its latest run exceeded 3x its usual per-run sightings (see the snooze rule)"),
    snooze: snoozeStateSchema.nullable().describe("The condition an IGNORED market waits for; null: none"),
    trend: z.array(z.number().int()).optional().describe("Only with trendRuns: sightings in each of the last trendRuns runs, oldest first"),
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
      .meta({ id: "MarketImpact" })
      .nullable()
      .describe("In the latest run that sighted it"),
  })
  .meta({ id: "UnmappedDetail" });
export type UnmappedDetail = z.infer<typeof unmappedDetailSchema>;

export const NOTES_MAX = 2000;
const notesSchema = z.string().max(NOTES_MAX, `notes can be at most ${NOTES_MAX} characters`);
const assigneeIdSchema = z.string().trim().min(1).max(100).nullable().describe("A user id; null unassigns");
const changeReasonSchema = reasonTextSchema.optional().describe("Why; kept in the market's history");

export const unmappedPatchSchema = requestBody("UnmappedPatch", {
  status: statusSchema.optional(),
  notes: notesSchema.nullable().optional().describe("null clears; left out: unchanged"),
  assigneeId: assigneeIdSchema
    .optional()
    .describe("A user id (null unassigns; left out: unchanged); assigning a NEW market makes it ACKNOWLEDGED"),
  snooze: snoozeSchema
    .nullable()
    .optional()
    .describe("Ignore until a condition: sets status IGNORED. null removes the condition (the status stays); left out: unchanged"),
  reason: changeReasonSchema,
});
export type UnmappedPatch = z.infer<typeof unmappedPatchSchema>;

/** PATCH's answer: the market, and the change it made (undo it with POST /api/changes/{changeId}/undo). */
export const unmappedEditedSchema = unmappedDetailSchema
  .extend({ changeId: z.uuid().nullable().describe("The change to undo; null when the edit changed nothing") })
  .meta({ id: "UnmappedEdited" });
export type UnmappedEdited = z.infer<typeof unmappedEditedSchema>;

/** A note a bulk change appends to each market's notes (the bulk bar's "Add note" checks it too). */
export const addNoteSchema = z
  .string()
  .trim()
  .min(1, "write the note to add")
  .max(NOTES_MAX, `a note can be at most ${NOTES_MAX} characters`);

/** What a bulk change sets on every market (at least one field). */
const bulkSetSchema = z
  .object({
    status: statusSchema.exclude(["MAPPED"]).optional(),
    assigneeId: assigneeIdSchema.optional().describe("A user id; null unassigns; left out: unchanged"),
    snooze: snoozeSchema
      .nullable()
      .optional()
      .describe("As in PATCH: sets IGNORED with the condition; null removes it; left out: unchanged"),
    addNote: addNoteSchema.optional().describe("Appended to each market's notes on a new line"),
  })
  .strict()
  .refine((s) => Object.values(s).some((v) => v !== undefined), {
    message: "set needs at least one of status, assigneeId, snooze, addNote",
  });
export type BulkSet = z.infer<typeof bulkSetSchema>;

export const BULK_MAX = 10_000;
const idsScope = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(BULK_MAX, `at most ${BULK_MAX} markets per change`) })
  .strict()
  .describe("These markets");
const filterScope = z
  .object({ filter: z.object(unmappedFilterShape).strict() })
  .strict()
  .describe("Every market the list shows with these filters");
// The scope is parsed by the key the body has (not as a union, whose failure names no field).
export const bulkRequestSchema = z
  .object({ set: bulkSetSchema, reason: changeReasonSchema, ids: z.unknown().optional(), filter: z.unknown().optional() })
  .strict()
  .transform((b, ctx) => {
    if (b.ids !== undefined && b.filter !== undefined) {
      ctx.addIssue({ code: "custom", message: "send ids or filter, not both", path: ["filter"] });
      return z.NEVER;
    }
    if (b.ids === undefined && b.filter === undefined) {
      ctx.addIssue({ code: "custom", message: "send ids or filter", path: ["ids"] });
      return z.NEVER;
    }
    const scope = b.ids !== undefined ? idsScope.safeParse({ ids: b.ids }) : filterScope.safeParse({ filter: b.filter });
    if (!scope.success) {
      for (const issue of scope.error.issues) {
        // Unknown filter keys are named, as route() names them elsewhere.
        const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
        ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path, ...keys] });
      }
      return z.NEVER;
    }
    return { set: b.set, reason: b.reason, scope: scope.data };
  })
  .meta({ id: "BulkRequest", description: "{ ids } or { filter }, with set and reason" });
export type BulkRequest = z.infer<typeof bulkRequestSchema>;

export const changeResultSchema = z
  .object({ changeId: z.uuid(), count: z.number().int().describe("Markets changed") })
  .meta({ id: "ChangeResult" });
export type ChangeResult = z.infer<typeof changeResultSchema>;

export const changeParamsSchema = z.object({ changeId: z.uuid().describe("From a PATCH or bulk answer") });
export const undoResultSchema = z
  .object({
    changeId: z.uuid(),
    restored: z.array(z.number().int()).describe("Markets set back to their values before the change"),
    skipped: z
      .array(z.object({ id: z.number().int(), reason: z.string() }))
      .describe("Markets changed again since (or already undone): left as they are"),
  })
  .meta({ id: "UndoResult" });
export type UndoResult = z.infer<typeof undoResultSchema>;

export const trendQuerySchema = z.object({ runs: z.coerce.number().int().min(1).max(200).default(30) }).strict();
export const trendSchema = z
  .object({
    runs: z.array(
      z.object({
        runId: z.number().int(),
        startedAt: timestampSchema,
        sightings: z.number().int().describe("0 when the run did not sight it"),
        events: z.number().int(),
      }),
    ),
  })
  .describe("The last runs (completed or partial), oldest first")
  .meta({ id: "Trend" });
export type Trend = z.infer<typeof trendSchema>;
