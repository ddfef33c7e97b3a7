// Words for audit entries: what changed, read from the entry's before/after snapshots. The
// snapshots are stored JSON (unknown in the contract), so they are parsed leniently: whatever
// does not parse is simply not described, never a crash.
import { z } from "zod";
import type { AuditEntry } from "@/lib/contract/audit";
import { COVERAGE_KIND_LABELS, coverageKindSchema } from "@/lib/contract/coverage";
import { PLATFORM_LABELS, platformSchema, statusSchema, type TriageStatus } from "@/lib/contract/enums";

const statusSnap = z.object({ status: statusSchema, mapping: z.string().optional() });
const notesSnap = z.object({ notes: z.string().nullable() });
const outcomeSnap = z.object({
  canonicalId: z.string(),
  betpawaName: z.string().nullable().optional(),
  sportybetDesc: z.string().nullable().optional(),
  bet9jaSuffix: z.string().nullable().optional(),
});
const mappingSnap = z.object({
  canonicalId: z.string().optional(),
  name: z.string().optional(),
  origin: z.enum(["builtin", "user"]).optional(),
  betpawaId: z.string().nullable().optional(),
  sportybetId: z.string().nullable().optional(),
  bet9jaKey: z.string().nullable().optional(),
  outcomes: z.array(outcomeSnap).optional(),
});
type MappingSnap = z.infer<typeof mappingSnap>;
const coverageSnap = z.object({ platform: platformSchema, marketKey: z.string(), kind: coverageKindSchema });
// An assignee as an entry may record it: a person ({ assignee: { id, name } }) or their id and name.
const assigneeSnap = z.union([
  z.object({ assignee: z.object({ id: z.string(), name: z.string() }).nullable() }).transform((s) => s.assignee?.name ?? null),
  z
    .object({ assigneeId: z.string().nullable(), assigneeName: z.string().nullable().optional() })
    .transform((s) => (s.assigneeId === null ? null : (s.assigneeName ?? s.assigneeId))),
]);
const snoozeCondition = z.object({
  until: z.string().nullable().optional(),
  sightings: z.number().nullable().optional(),
  escalating: z.boolean().nullable().optional(),
});
type SnoozeCondition = z.infer<typeof snoozeCondition>;
// { snooze: {...} | null }, or the condition's fields at the top level.
const snoozeSnap = z.union([
  z.object({ snooze: snoozeCondition.nullable() }).transform((s) => s.snooze),
  snoozeCondition.transform((s) => (s.until || s.sightings || s.escalating ? s : null)),
]);

const parse = <T>(schema: z.ZodType<T>, value: unknown): T | null => {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
};

interface Change {
  label: string;
  before: string | null;
  after: string | null;
}

export type Described =
  | { kind: "status"; before: TriageStatus | null; after: TriageStatus | null }
  | { kind: "notes"; before: string | null; after: string | null }
  | { kind: "mapped"; mapping: string | null }
  | { kind: "unmapped"; mapping: string | null }
  | { kind: "regressed" }
  | { kind: "assignee"; before: string | null; after: string | null }
  | { kind: "snoozed"; condition: SnoozeCondition | null }
  | { kind: "unsnoozed"; condition: SnoozeCondition | null; met: boolean }
  | { kind: "escalated" }
  | { kind: "mapping"; title: string; changes: Change[]; summary: string | null };

const FIELDS: [keyof MappingSnap & ("name" | "betpawaId" | "sportybetId" | "bet9jaKey"), string][] = [
  ["name", "Name"],
  ["betpawaId", "betpawa id"],
  ["sportybetId", "SportyBet id"],
  ["bet9jaKey", "Bet9ja key"],
];

const OUTCOME_FIELDS = [
  ["betpawaName", "betpawa"],
  ["sportybetDesc", "SportyBet"],
  ["bet9jaSuffix", "Bet9ja"],
] as const;

/** Field by field changes between two mapping snapshots, outcomes included (at most `limit` lines). */
function mappingChanges(before: MappingSnap | null, after: MappingSnap | null, limit = 8): Change[] {
  if (!before || !after) return [];
  const changes: Change[] = [];
  for (const [key, label] of FIELDS) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (a !== b) changes.push({ label, before: a, after: b });
  }
  const old = new Map((before.outcomes ?? []).map((o) => [o.canonicalId, o]));
  const now = new Map((after.outcomes ?? []).map((o) => [o.canonicalId, o]));
  for (const [id, o] of now) {
    const prev = old.get(id);
    if (!prev) {
      changes.push({ label: `Outcome ${id} added`, before: null, after: null });
      continue;
    }
    for (const [key, label] of OUTCOME_FIELDS) {
      const a = prev[key] ?? null;
      const b = o[key] ?? null;
      if (a !== b) changes.push({ label: `${id}: ${label} name`, before: a, after: b });
    }
  }
  for (const id of old.keys()) if (!now.has(id)) changes.push({ label: `Outcome ${id} removed`, before: null, after: null });
  return changes.length > limit
    ? [...changes.slice(0, limit), { label: `and ${changes.length - limit} more changes`, before: null, after: null }]
    : changes;
}

export function describeEntry(entry: AuditEntry): Described {
  switch (entry.action) {
    case "status_changed": {
      return {
        kind: "status",
        before: parse(statusSnap, entry.before)?.status ?? null,
        after: parse(statusSnap, entry.after)?.status ?? null,
      };
    }
    case "notes_changed":
      return { kind: "notes", before: parse(notesSnap, entry.before)?.notes ?? null, after: parse(notesSnap, entry.after)?.notes ?? null };
    case "mapped":
      return { kind: "mapped", mapping: parse(statusSnap, entry.after)?.mapping ?? null };
    case "unmapped":
      return { kind: "unmapped", mapping: parse(statusSnap, entry.before)?.mapping ?? null };
    case "regressed":
      return { kind: "regressed" };
    case "assignee_changed":
      return { kind: "assignee", before: parse(assigneeSnap, entry.before), after: parse(assigneeSnap, entry.after) };
    case "snoozed":
      return { kind: "snoozed", condition: parse(snoozeSnap, entry.after) };
    case "unsnoozed":
      // By the scraper (its condition was met, named in before) or by a person clearing it.
      return { kind: "unsnoozed", condition: parse(snoozeSnap, entry.before), met: entry.actorType === "scraper" };
    case "escalated":
      return { kind: "escalated" };
    case "mapping_created": {
      const before = parse(mappingSnap, entry.before);
      const after = parse(mappingSnap, entry.after);
      if (before?.origin === "builtin") {
        return {
          kind: "mapping",
          title: "Built-in entry overridden by a user mapping",
          changes: mappingChanges(before, after),
          summary: null,
        };
      }
      if (before) return { kind: "mapping", title: "User mapping re-activated", changes: mappingChanges(before, after), summary: null };
      const ids = [after?.sportybetId && `SportyBet ${after.sportybetId}`, after?.bet9jaKey && `Bet9ja ${after.bet9jaKey}`]
        .filter(Boolean)
        .join(", ");
      const outcomes = after?.outcomes?.length;
      return {
        kind: "mapping",
        title: "Mapping created",
        changes: [],
        summary:
          [after?.name, ids, outcomes !== undefined ? `${outcomes} outcome${outcomes === 1 ? "" : "s"}` : null]
            .filter(Boolean)
            .join(" · ") || null,
      };
    }
    case "mapping_updated": {
      const changes = mappingChanges(parse(mappingSnap, entry.before), parse(mappingSnap, entry.after));
      return { kind: "mapping", title: "Mapping edited", changes, summary: changes.length === 0 ? "Saved without changes" : null };
    }
    case "mapping_deactivated":
      return {
        kind: "mapping",
        title: "User mapping deactivated",
        changes: [],
        summary: entry.after ? "The built-in entry applies again" : "No mapping with this id applies any more",
      };
    case "coverage_alert_dismissed": {
      const alert = parse(coverageSnap, entry.after);
      return {
        kind: "mapping",
        title: "Coverage alert dismissed",
        changes: [],
        summary: alert && `${PLATFORM_LABELS[alert.platform]} ${alert.marketKey}: ${COVERAGE_KIND_LABELS[alert.kind].toLowerCase()}`,
      };
    }
    default:
      // Access and webhook events (sign-in, tokens, people, webhooks) are listed by the settings pages, not in a market's history.
      return { kind: "mapping", title: entry.action.replace(/_/g, " "), changes: [], summary: entry.reason };
  }
}

export const ACTION_TONE: Record<AuditEntry["action"], "status" | "notes" | "mapped" | "danger" | "mapping"> = {
  status_changed: "status",
  notes_changed: "notes",
  mapped: "mapped",
  unmapped: "status",
  regressed: "danger",
  assignee_changed: "status",
  snoozed: "notes",
  unsnoozed: "danger",
  escalated: "danger",
  mapping_created: "mapped",
  mapping_updated: "mapping",
  mapping_deactivated: "danger",
  signed_in: "status",
  sign_in_failed: "danger",
  token_created: "mapping",
  token_revoked: "danger",
  user_created: "mapping",
  role_changed: "mapping",
  user_disabled: "danger",
  user_enabled: "mapping",
  password_reset: "mapping",
  webhook_created: "mapping",
  webhook_updated: "mapping",
  webhook_deleted: "danger",
  webhook_secret_rotated: "mapping",
  alert_rule_created: "mapping",
  alert_rule_updated: "mapping",
  alert_rule_deleted: "danger",
  coverage_alert_dismissed: "status",
};
