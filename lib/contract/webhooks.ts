// Webhooks: endpoints (admin), their delivery log, and the events they receive. Every event is the
// envelope the socket messages use ({ type, timestamp, data }), signed per Standard Webhooks
// (webhook-id, webhook-timestamp, webhook-signature); the webhook-id is the event's id.
import { z } from "zod";
import { httpUrlSchema as urlSchema, timestampSchema, requestBody, timestampsShape } from "./common";
import { cursorQueryShape, listOf, oldestFirstKeyset, type Keyset } from "./cursor";
import { coverageChangeSchema } from "./coverage";
import { ALERT_MARKETS_CAP, unmappedAlertDataSchema } from "./realtime";
import { scrapeRunSchema } from "./scrape";

export const WEBHOOK_EVENT_TYPES = [
  "unmapped.discovered",
  "unmapped.regressed",
  "unmapped.unsnoozed",
  "unmapped.escalating",
  "unmapped.updated",
  "mapping.created",
  "mapping.updated",
  "mapping.deactivated",
  "scrape.completed",
  "scrape.failed",
  "mapping.coverage_dropped",
] as const;
const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;
/** "Send test event": delivered to the one endpoint asked, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";
/** An alert rule's notification: delivered to the one endpoint the rule names, not subscribable. */
export const ALERT_FIRED_EVENT = "alert.fired";

/** At most this many ids in an unmapped.updated event; `count` is the full number. */
const WEBHOOK_IDS_CAP = 200;

const UPDATED_FIELDS = ["status", "notes", "assignee", "snooze"] as const;
const unmappedUpdatedEventDataSchema = z.object({
  changeId: z.uuid().nullable().describe("The change (undo it with POST /api/changes/{changeId}/undo); null when nothing changed"),
  undo: z.boolean().describe("true: this is the undo of changeId"),
  count: z.number().int().describe("Markets changed"),
  ids: z.array(z.number().int()).max(WEBHOOK_IDS_CAP).describe(`At most ${WEBHOOK_IDS_CAP} of them`),
  changed: z.array(z.enum(UPDATED_FIELDS)).describe("What the change touched (empty for an undo: it puts back what it replaced)"),
});

const mappingEventDataSchema = z.object({
  canonicalId: z.string(),
  name: z.string(),
  reason: z.string().nullable().describe("The reason given with the change"),
  actor: z.string().describe("Who changed it"),
});

/** What a rule's notification carries: the alert.fired event's data (the toast carries the markets only). */
export const alertFiredDataSchema = unmappedAlertDataSchema
  .extend({
    rule: z.object({ id: z.uuid(), name: z.string() }).describe("The alert rule that fired"),
    folded: z.number().int().describe(`Of count, markets matched while the rule was throttled; markets lists at most ${ALERT_MARKETS_CAP}`),
  })
  .meta({ id: "AlertFired" });
export type AlertFiredData = z.infer<typeof alertFiredDataSchema>;

const testEventDataSchema = z.object({ endpointId: z.uuid(), message: z.string() });

const envelope = <T extends string, D extends z.ZodType>(type: T, data: D, id: string) =>
  z.object({ type: z.literal(type), timestamp: timestampSchema, data }).meta({ id });

/** The body of every event type, as receivers get it (also the OpenAPI document's `webhooks`). */
export const webhookPayloadSchemas = {
  "unmapped.discovered": envelope("unmapped.discovered", unmappedAlertDataSchema, "WebhookUnmappedDiscovered"),
  "unmapped.regressed": envelope("unmapped.regressed", unmappedAlertDataSchema, "WebhookUnmappedRegressed"),
  "unmapped.unsnoozed": envelope("unmapped.unsnoozed", unmappedAlertDataSchema, "WebhookUnmappedUnsnoozed"),
  "unmapped.escalating": envelope("unmapped.escalating", unmappedAlertDataSchema, "WebhookUnmappedEscalating"),
  "unmapped.updated": envelope("unmapped.updated", unmappedUpdatedEventDataSchema, "WebhookUnmappedUpdated"),
  "mapping.created": envelope("mapping.created", mappingEventDataSchema, "WebhookMappingCreated"),
  "mapping.updated": envelope("mapping.updated", mappingEventDataSchema, "WebhookMappingUpdated"),
  "mapping.deactivated": envelope("mapping.deactivated", mappingEventDataSchema, "WebhookMappingDeactivated"),
  "scrape.completed": envelope("scrape.completed", scrapeRunSchema, "WebhookScrapeCompleted"),
  "scrape.failed": envelope("scrape.failed", scrapeRunSchema, "WebhookScrapeFailed"),
  "mapping.coverage_dropped": envelope("mapping.coverage_dropped", coverageChangeSchema, "WebhookMappingCoverageDropped"),
  [ALERT_FIRED_EVENT]: envelope(ALERT_FIRED_EVENT, alertFiredDataSchema, "WebhookAlertFired"),
  [WEBHOOK_TEST_EVENT]: envelope(WEBHOOK_TEST_EVENT, testEventDataSchema, "WebhookTest"),
} as const;
export type WebhookPayloadType = keyof typeof webhookPayloadSchemas;
export type WebhookEventData<T extends WebhookPayloadType> = z.infer<(typeof webhookPayloadSchemas)[T]>["data"];

const eventsSchema = z
  .array(webhookEventTypeSchema)
  .min(1, "Subscribe to at least one event")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((v) => [...new Set(v)]);
const descriptionSchema = z.string().trim().max(500, "At most 500 characters");

export const webhookCreateSchema = requestBody("WebhookCreate", {
  url: urlSchema,
  events: eventsSchema,
  description: descriptionSchema.default(""),
  active: z.boolean().default(true),
});
export type WebhookCreate = z.input<typeof webhookCreateSchema>;

export const webhookPatchSchema = requestBody("WebhookPatch", {
  url: urlSchema.optional(),
  events: eventsSchema.optional(),
  description: descriptionSchema.optional(),
  active: z.boolean().optional().describe("true also clears the failing flag of an endpoint that was disabled"),
});
export type WebhookPatch = z.input<typeof webhookPatchSchema>;

export const webhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(webhookEventTypeSchema),
    description: z.string(),
    active: z.boolean(),
    failingSince: timestampSchema.nullable().describe("The first failed delivery of the current failing streak"),
    disabledAt: timestampSchema.nullable().describe("When it was disabled for failing through the whole retry window"),
    previousSecretExpiresAt: timestampSchema.nullable().describe("After a rotation: until when the previous secret also signs"),
    ...timestampsShape,
  })
  .meta({ id: "Webhook" });
export type Webhook = z.infer<typeof webhookSchema>;
export const webhookListSchema = listOf(webhookSchema).meta({ id: "WebhookList" });
/** Oldest first, then by id. */
export const webhookKeyset = oldestFirstKeyset;
export const webhookWithSecretSchema = webhookSchema
  .extend({ secret: z.string().describe("whsec_ + base64: verify signatures with it; shown only in this answer") })
  .meta({ id: "WebhookWithSecret" });
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export const webhookIdParamsSchema = z.object({ id: z.uuid().meta({ description: "The endpoint's id" }) });
export const deliveryParamsSchema = z.object({
  id: z.uuid().meta({ description: "The endpoint's id" }),
  deliveryId: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/)
    .meta({ description: "The delivery's id (digits)" }),
});

const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export const webhookDeliverySchema = z
  .object({
    id: z.string().describe("The delivery's id (digits)"),
    eventId: z.uuid().describe("The webhook-id header"),
    eventType: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    responseCode: z.number().int().nullable().describe("The last attempt's HTTP status; null: no answer"),
    durationMs: z.number().int().nullable().describe("The last attempt's duration"),
    error: z.string().nullable().describe("Why the last attempt failed"),
    nextAttemptAt: timestampSchema.nullable().describe("When it is tried next (pending only)"),
    lastAttemptAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
export const deliveryListQuerySchema = z
  .object({
    ...cursorQueryShape,
    limit: cursorQueryShape.limit.unwrap().default(50).describe("Deliveries per answer, 1-200, newest first"),
  })
  .strict();
export const webhookDeliveryListSchema = listOf(webhookDeliverySchema).meta({ id: "WebhookDeliveryList" });
/** One endpoint's deliveries newest first by id (a bigint, so its key is digits); a cursor is bound to its endpoint. */
export const deliveryKeyset = (endpointId: string): Keyset => ({ sort: "id:desc", filters: { endpoint: endpointId }, kinds: ["digits"] });
