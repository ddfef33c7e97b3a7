import { z } from "zod";
import { pageOf, pageQueryShape, timestampSchema } from "./common";

const AUDIT_ACTIONS = [
  "status_changed",
  "notes_changed",
  "mapped",
  "unmapped",
  "regressed",
  "assignee_changed",
  "snoozed",
  "unsnoozed",
  "escalated",
  "mapping_created",
  "mapping_updated",
  "mapping_deactivated",
  "signed_in",
  "sign_in_failed",
  "token_created",
  "token_revoked",
  "user_created",
  "role_changed",
  "user_disabled",
  "user_enabled",
  "password_reset",
  "webhook_created",
  "webhook_updated",
  "webhook_deleted",
  "webhook_secret_rotated",
  "alert_rule_created",
  "alert_rule_updated",
  "alert_rule_deleted",
  "coverage_alert_dismissed",
] as const;

const ACTOR_TYPES = ["user", "token", "scraper", "system"] as const;
const actorTypeSchema = z.enum(ACTOR_TYPES).meta({ id: "AuditActorType" });

/** Who made a change: a person, a person's API token, the scraper, or the server itself (start-up). */
export interface Actor {
  type: (typeof ACTOR_TYPES)[number];
  /** The user's or token's id; null for the scraper and the system. */
  id: string | null;
  /** What a person reads: the user's name, the token's name, "scraper" or "system". */
  name: string;
}
export const SYSTEM_ACTOR: Actor = { type: "system", id: null, name: "system" };

const entityTypeSchema = z
  .enum(["unmapped_market", "mapping", "user", "api_token", "webhook", "alert_rule"])
  .meta({ id: "AuditEntityType" });
const actionSchema = z.enum(AUDIT_ACTIONS).meta({ id: "AuditAction" });

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    entityType: entityTypeSchema,
    entityId: z.string().describe("Market id or mapping canonicalId"),
    entityName: z.string().nullable().describe("The market's name, or the mapping's name as the entry recorded it; null when unknown"),
    action: actionSchema,
    actorType: actorTypeSchema,
    actorId: z.string().nullable().describe("The user's or token's id; null for the scraper and the system"),
    actor: z.string().describe("The person's name, the token's name, scraper or system, as it was when the entry was written"),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
    createdAt: timestampSchema,
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z
  .object({
    entityType: entityTypeSchema.optional(),
    entityId: z.string().max(100).optional(),
    action: actionSchema.optional(),
    actor: z.string().max(100).optional(),
    actorType: actorTypeSchema.optional(),
    actorId: z.string().max(100).optional(),
    ...pageQueryShape,
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export const historyQuerySchema = z.object(pageQueryShape).strict();
export const auditListSchema = pageOf(auditEntrySchema).meta({ id: "AuditList" });
