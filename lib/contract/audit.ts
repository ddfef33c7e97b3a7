import { z } from "zod";
import { pageOf, pageQueryShape, timestampSchema } from "./common";

const AUDIT_ACTIONS = [
  "status_changed",
  "notes_changed",
  "mapped",
  "regressed",
  "mapping_created",
  "mapping_updated",
  "mapping_deactivated",
] as const;

const entityTypeSchema = z.enum(["unmapped_market", "mapping"]);

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    entityType: entityTypeSchema,
    entityId: z.string().describe("Market id or mapping canonicalId"),
    entityName: z.string().nullable().describe("The market's name, or the mapping's name as the entry recorded it; null when unknown"),
    action: z.enum(AUDIT_ACTIONS),
    actor: z.string().describe("anonymous until authentication exists; scraper for automatic changes"),
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
    action: z.enum(AUDIT_ACTIONS).optional(),
    actor: z.string().max(100).optional(),
    ...pageQueryShape,
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export const historyQuerySchema = z.object(pageQueryShape).strict();
export const auditListSchema = pageOf(auditEntrySchema).meta({ id: "AuditList" });
