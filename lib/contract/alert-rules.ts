// Alert rules (admin): which announced markets (new, regressed, unsnoozed, escalating; see
// ALERT_CAUSES) are worth a notification, and where it goes: the Socket.IO toast
// (unmapped_alerts), one webhook endpoint (event alert.fired), a chat incoming-webhook URL
// (a Slack-compatible { text, blocks } body). A throttle keeps a rule to one notification per N
// minutes; what it matches meanwhile is folded into the next one.
import { z } from "zod";
import { httpUrlSchema, timestampSchema, requestBody, timestampsShape } from "./common";
import { listOf, oldestFirstKeyset } from "./cursor";
import { platformSchema, reasonSchema } from "./enums";
import { alertCauseSchema } from "./realtime";

/** Longest throttle: a day. */
export const THROTTLE_MAX_MINUTES = 1_440;
export const PATTERN_MAX_LENGTH = 200;

// overwrite, not transform: the answer (AlertRule) reuses the conditions, and an output schema
// with a transform cannot be described in OpenAPI; overwrite keeps the type, so it can.
const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .overwrite((v) => [...new Set(v)]);

export const alertRuleConditionsSchema = requestBody("AlertRuleConditions", {
  platforms: distinct(platformSchema, 2).default([]).describe("Markets of any of these platforms; empty: any platform"),
  reasons: distinct(reasonSchema, 4).default([]).describe("Markets unmapped for any of these reasons; empty: any reason"),
  causes: distinct(alertCauseSchema, 4)
    .default([])
    .describe("Markets announced for any of these causes (new, regressed, unsnoozed, escalating); empty: any cause"),
  minPriority: z.number().min(-1e6).max(1e6).nullable().default(null).describe("Markets whose priorityScore is at least this; null: any"),
  minSightings: z
    .number()
    .int()
    .min(1)
    .max(1_000_000_000)
    .nullable()
    .default(null)
    .describe("Markets sighted at least this many times in the run that announced them; null: any"),
  pattern: z
    .string()
    .trim()
    .min(1, "Leave it out (null) to match every name")
    .max(PATTERN_MAX_LENGTH, `At most ${PATTERN_MAX_LENGTH} characters`)
    .nullable()
    .default(null)
    .describe("Markets whose name or external id matches: case-insensitive, * stands for any text, otherwise literal; null: any"),
});
export type AlertRuleConditions = z.output<typeof alertRuleConditionsSchema>;

const actionsShape = {
  toast: z.boolean().default(false).describe("Send a toast on the unmapped_alerts Socket.IO topic"),
  webhookEndpointId: z
    .uuid()
    .nullable()
    .default(null)
    .describe("Send an alert.fired event to this webhook endpoint (GET /api/webhooks), whatever events it subscribes to"),
  chatUrl: httpUrlSchema
    .nullable()
    .default(null)
    .describe("A chat incoming-webhook URL (Slack, Mattermost, Rocket.Chat...): POSTed { text, blocks } naming the markets with links"),
};
/** Whether these actions send anything (the settings form checks a kept chat URL beside them). */
export const oneAction = (a: { toast?: boolean; webhookEndpointId?: string | null; chatUrl?: string | null }) =>
  Boolean(a.toast || a.webhookEndpointId || a.chatUrl);
export const ONE_ACTION = { message: "Choose at least one action: a toast, a webhook endpoint or a chat URL", path: ["toast"] };

export const alertRuleActionsSchema = z.object(actionsShape).strict().refine(oneAction, ONE_ACTION).meta({ id: "AlertRuleActions" });

const nameSchema = z.string().trim().min(1, "Give the rule a name").max(120, "At most 120 characters");
const throttleSchema = z
  .number()
  .int()
  .min(0)
  .max(THROTTLE_MAX_MINUTES, `At most ${THROTTLE_MAX_MINUTES} minutes (a day)`)
  .describe("At most one notification per this many minutes; markets matched meanwhile are folded into the next. 0: no throttle");

export const alertRuleCreateSchema = requestBody("AlertRuleCreate", {
  name: nameSchema,
  enabled: z.boolean().default(true),
  conditions: alertRuleConditionsSchema.default(alertRuleConditionsSchema.parse({})),
  actions: alertRuleActionsSchema,
  throttleMinutes: throttleSchema.default(0),
});
export type AlertRuleCreate = z.input<typeof alertRuleCreateSchema>;

/** Every field optional; conditions and actions, when sent, replace the rule's whole set (a chatUrl left out keeps the URL). */
export const alertRulePatchSchema = requestBody("AlertRulePatch", {
  name: nameSchema.optional(),
  enabled: z.boolean().optional(),
  conditions: alertRuleConditionsSchema.optional(),
  actions: z
    .object({
      toast: actionsShape.toast.unwrap().optional(),
      webhookEndpointId: actionsShape.webhookEndpointId.unwrap().optional(),
      chatUrl: actionsShape.chatUrl.unwrap().optional().describe("Left out: the rule keeps its chat URL; null removes it"),
    })
    .strict()
    .optional(),
  throttleMinutes: throttleSchema.optional(),
});
export type AlertRulePatch = z.input<typeof alertRulePatchSchema>;

export const alertRuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    enabled: z.boolean(),
    conditions: alertRuleConditionsSchema,
    actions: z.object({
      toast: z.boolean(),
      webhookEndpointId: z.uuid().nullable(),
      chatTarget: z
        .string()
        .nullable()
        .describe("The chat URL's origin (https://hooks.example.com); the whole URL is a secret and is never shown back"),
    }),
    throttleMinutes: z.number().int(),
    lastFiring: z
      .object({
        at: timestampSchema,
        count: z.number().int().describe("Markets the notification named, folded ones included"),
      })
      .nullable()
      .describe("The rule's latest notification; null: it never fired"),
    firedTotal: z.number().int().describe("Notifications sent since the rule was created"),
    pending: z
      .object({ count: z.number().int(), since: timestampSchema })
      .nullable()
      .describe("Markets matched while throttled, waiting to be folded into the next notification"),
    ...timestampsShape,
  })
  .meta({ id: "AlertRule" });
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertRuleListSchema = listOf(alertRuleSchema).meta({ id: "AlertRuleList" });
/** Oldest first, then by id. */
export const alertRuleKeyset = oldestFirstKeyset;
export const alertRuleIdParamsSchema = z.object({ id: z.uuid().meta({ description: "The rule's id" }) });

/** A rule's firing state for the dashboard (every role): no conditions nor targets, the chat origin included. */
export const alertRuleFiringSchema = alertRuleSchema
  .pick({ id: true, name: true, enabled: true, lastFiring: true, pending: true })
  .meta({ id: "AlertRuleFiring" });
export type AlertRuleFiring = z.infer<typeof alertRuleFiringSchema>;
export const alertRuleFiringListSchema = z.object({ items: z.array(alertRuleFiringSchema) }).meta({ id: "AlertRuleFiringList" });
