import { z } from "zod";
import { timestampSchema } from "./common";
import { coverageChangeSchema } from "./coverage";
import { platformSchema, reasonSchema } from "./enums";

export const TOPICS = ["unmapped_alerts", "scrape_progress", "unmapped_updates", "coverage_alerts"] as const;
const topicSchema = z.enum(TOPICS);
export type Topic = z.infer<typeof topicSchema>;

/** Client -> server: `socket.emit("subscribe" | "unsubscribe", { topics }, ack)`. */
export const subscribeRequestSchema = z.object({ topics: z.array(z.string()).min(1).max(10) }).strict();
export const subscribeAckSchema = z.union([
  z.object({ topics: z.array(topicSchema).describe("All topics this socket is now subscribed to") }),
  z.object({ error: z.string() }),
]);
export type SubscribeAck = z.infer<typeof subscribeAckSchema>;

/**
 * Why a market is announced: new (first sighting ever), regressed (MAPPED, sighted unmapped again),
 * unsnoozed (its snooze's time or sightings condition was met), escalating (its sightings in a run
 * crossed 3x its baseline: a snooze on escalation reopened it, or an open market crossed it).
 */
const ALERT_CAUSES = ["new", "regressed", "unsnoozed", "escalating"] as const;
export const alertCauseSchema = z.enum(ALERT_CAUSES);
export type AlertCause = z.infer<typeof alertCauseSchema>;

const alertMarketSchema = z.object({
  id: z.number().int(),
  source: platformSchema,
  externalMarketId: z.string(),
  marketName: z.string(),
  reason: reasonSchema,
  regressed: z
    .boolean()
    .describe("true: the market was MAPPED and has been sighted unmapped again (reopened as NEW); kept for older clients, see cause"),
  cause: alertCauseSchema,
});
export const ALERT_MARKETS_CAP = 50;
export const unmappedAlertDataSchema = z.object({
  count: z.number().int().describe("How many markets were discovered or reopened; markets lists at most 50 of them"),
  markets: z.array(alertMarketSchema).max(ALERT_MARKETS_CAP),
});
export type UnmappedAlertData = z.infer<typeof unmappedAlertDataSchema>;

const scrapePhaseSchema = z.enum(["starting", "discovery", "scraping", "completed", "failed"]);
const scrapeProgressDataSchema = z.object({
  runId: z.number().int(),
  phase: scrapePhaseSchema,
  current: z.number().int(),
  total: z.number().int(),
  message: z.string(),
});
export type ScrapeProgressData = z.infer<typeof scrapeProgressDataSchema>;

const UPDATED_FIELDS = ["status", "notes", "assignee", "snooze", "comments"] as const;
export type UpdatedField = (typeof UPDATED_FIELDS)[number];

const unmappedUpdatedDataSchema = z.object({
  id: z.number().int(),
  version: z.number().int().describe("The market's version after the change"),
  changed: z.array(z.enum(UPDATED_FIELDS)).min(1).describe("What the change touched"),
});

/** One bulk change or undo: one message, not one per market. */
export const BULK_MESSAGE_IDS_CAP = 200;
const unmappedBulkUpdatedDataSchema = z.object({
  changeId: z.uuid(),
  undo: z.boolean().describe("true: the change was undone"),
  count: z.number().int().describe("Markets changed"),
  ids: z.array(z.number().int()).max(BULK_MESSAGE_IDS_CAP).describe(`At most ${BULK_MESSAGE_IDS_CAP} of them`),
});

const connectionAckDataSchema = z.object({ topics: z.array(topicSchema) });

const envelope = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), timestamp: timestampSchema, data });

/** Every server message: emitted as an event named by `type`, with this envelope as its one argument. */
export const serverMessageSchemas = {
  connection_ack: envelope("connection_ack", connectionAckDataSchema),
  unmapped_alert: envelope("unmapped_alert", unmappedAlertDataSchema),
  scrape_progress: envelope("scrape_progress", scrapeProgressDataSchema),
  unmapped_updated: envelope("unmapped_updated", unmappedUpdatedDataSchema),
  unmapped_bulk_updated: envelope("unmapped_bulk_updated", unmappedBulkUpdatedDataSchema),
  // Coverage watch (issue 13): what a run's end (or a dismissal) raised and resolved.
  coverage_alert: envelope("coverage_alert", coverageChangeSchema),
} as const;
export type ServerMessageType = keyof typeof serverMessageSchemas;
export type ServerMessage<T extends ServerMessageType> = z.infer<(typeof serverMessageSchemas)[T]>;
export type ServerMessageData<T extends ServerMessageType> = ServerMessage<T>["data"];

/** Which topic (room) each message type is delivered to; connection_ack goes to the one socket. */
export const MESSAGE_TOPIC = {
  unmapped_alert: "unmapped_alerts",
  scrape_progress: "scrape_progress",
  unmapped_updated: "unmapped_updates",
  unmapped_bulk_updated: "unmapped_updates",
  coverage_alert: "coverage_alerts",
} as const satisfies Record<Exclude<ServerMessageType, "connection_ack">, Topic>;
