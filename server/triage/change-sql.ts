// The SQL shared by every triage change (PATCH, bulk, undo): each is ONE statement over all its
// markets, whatever their number. The statement computes the new values of each market in a CTE
// named `fin` with, beside the current columns, the new ones prefixed n_ (n_status, n_notes,
// n_assignee, n_snoozed_at, …); `diffCte` flags what differs, and the pieces below update the
// changed rows (version + 1), keep what they replaced (change_entries: undo's `before`) and write
// one audit row per market per changed field, all with INSERT/UPDATE … SELECT.
//
// `before` in change_entries holds the columns as they were: { status, notes, assigneeId,
// snoozedAt, snoozeUntil, snoozeSightings, snoozeFromCount, snoozeEscalating, snoozeBaseline }.
// Audit snapshots: status_changed {status}, notes_changed {notes}, assignee_changed
// {assignee: {id, name} | null}, snoozed / unsnoozed {snooze: {until, sightings, escalating} | null}
// (unsnoozed: a person removed the condition, or moved the market away from IGNORED).
import { AUDIT_COLUMN_LIST } from "@/server/audit/audit-service";

/** The triage columns a change reads and may write, besides id and version. */
export const CHANGE_COLUMNS = `status, notes, assignee_id, snoozed_at, snooze_until, snooze_sightings, snooze_from_count,
  snooze_escalating, snooze_baseline`;

const SNOOZE = ["snoozed_at", "snooze_until", "snooze_sightings", "snooze_from_count", "snooze_escalating", "snooze_baseline"];

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The snooze as the audit trail shows it, from the columns with `prefix` (n_ for the new ones). */
const snoozeJson = (a: string, prefix: string) =>
  `CASE WHEN ${a}.${prefix}snoozed_at IS NULL THEN NULL ELSE jsonb_build_object('until', ${iso(`${a}.${prefix}snooze_until`)},
    'sightings', ${a}.${prefix}snooze_sightings, 'escalating', ${a}.${prefix}snooze_escalating) END`;

/** A person as the audit trail shows them, from a users row joined as `u` (null when nobody). */
const person = (u: string) => `CASE WHEN ${u}.id IS NULL THEN NULL ELSE jsonb_build_object('id', ${u}.id, 'name', ${u}.name) END`;

/** `fin` plus the flags d_status, d_notes, d_assignee, d_snooze; `diff` keeps the markets with any. */
export const diffCte = `flags AS (
  SELECT fin.*, fin.n_status IS DISTINCT FROM fin.status AS d_status, fin.n_notes IS DISTINCT FROM fin.notes AS d_notes,
    fin.n_assignee IS DISTINCT FROM fin.assignee_id AS d_assignee,
    (${SNOOZE.map((c) => `fin.n_${c} IS DISTINCT FROM fin.${c}`).join(" OR ")}) AS d_snooze
  FROM fin
), diff AS (SELECT * FROM flags WHERE d_status OR d_notes OR d_assignee OR d_snooze)`;

/** Writes the new values of every market in `diff` and bumps its version. */
export const updateCte = `upd AS (
  UPDATE unmapped_markets m SET status = d.n_status, notes = d.n_notes, assignee_id = d.n_assignee,
    ${SNOOZE.map((c) => `${c} = d.n_${c}`).join(", ")}, version = m.version + 1, updated_at = now()
  FROM diff d WHERE m.id = d.id
  RETURNING m.id
)`;

/** The values a change replaced, for undo. */
export const beforeJson = (a: string) => `jsonb_build_object('status', ${a}.status, 'notes', ${a}.notes, 'assigneeId', ${a}.assignee_id,
  'snoozedAt', ${a}.snoozed_at, 'snoozeUntil', ${a}.snooze_until, 'snoozeSightings', ${a}.snooze_sightings,
  'snoozeFromCount', ${a}.snooze_from_count, 'snoozeEscalating', ${a}.snooze_escalating, 'snoozeBaseline', ${a}.snooze_baseline)`;

/** The same columns read back from a `before` (b): what undo restores. An assignee deleted since restores as nobody. */
export const restoredColumns = (b: string) => `(${b}->>'status')::"TriageStatus" AS n_status, ${b}->>'notes' AS n_notes,
  (SELECT u.id FROM users u WHERE u.id = ${b}->>'assigneeId') AS n_assignee,
  (${b}->>'snoozedAt')::timestamptz AS n_snoozed_at, (${b}->>'snoozeUntil')::timestamptz AS n_snooze_until,
  (${b}->>'snoozeSightings')::int AS n_snooze_sightings, (${b}->>'snoozeFromCount')::int AS n_snooze_from_count,
  COALESCE((${b}->>'snoozeEscalating')::boolean, false) AS n_snooze_escalating, (${b}->>'snoozeBaseline')::float8 AS n_snooze_baseline`;

/**
 * One audit row per market in `diff` per changed field. The actor and reason are SQL expressions
 * (parameters) given by the caller.
 */
export const auditCte = (actor: { type: string; id: string; name: string }, reason: string) => `audit AS (
  INSERT INTO audit_log (${AUDIT_COLUMN_LIST})
  SELECT 'unmapped_market', a.id::text, a.action, ${actor.type}, ${actor.id}, ${actor.name}, a.before, a.after, ${reason}
  -- One branch per field, over the markets where it changed: no snapshot is built for a field that
  -- did not change. Per market the rows keep the order status, notes, assignee, snooze.
  FROM (
    SELECT d.id, 'status_changed' AS action, jsonb_build_object('status', d.status) AS before,
      jsonb_build_object('status', d.n_status) AS after
    FROM diff d WHERE d.d_status
    UNION ALL
    SELECT d.id, 'notes_changed', jsonb_build_object('notes', d.notes), jsonb_build_object('notes', d.n_notes)
    FROM diff d WHERE d.d_notes
    UNION ALL
    -- The names joined once (a hash join), not looked up twice per market.
    SELECT d.id, 'assignee_changed', jsonb_build_object('assignee', ${person("was")}), jsonb_build_object('assignee', ${person("now")})
    FROM diff d LEFT JOIN users was ON was.id = d.assignee_id LEFT JOIN users now ON now.id = d.n_assignee
    WHERE d.d_assignee
    UNION ALL
    SELECT d.id, CASE WHEN d.n_snoozed_at IS NULL THEN 'unsnoozed' ELSE 'snoozed' END,
      jsonb_build_object('snooze', ${snoozeJson("d", "")}), jsonb_build_object('snooze', ${snoozeJson("d", "n_")})
    FROM diff d WHERE d.d_snooze
  ) a
)`;

/** What the statement answers: how many markets changed, the first `cap` of them, and which fields changed on any. */
export const summarySelect = (cap: number) => `SELECT (SELECT count(*)::int FROM diff) AS count,
  COALESCE((SELECT (array_agg(id ORDER BY id))[1:${cap}] FROM diff), '{}') AS ids,
  COALESCE((SELECT bool_or(d_status) FROM diff), false) AS d_status, COALESCE((SELECT bool_or(d_notes) FROM diff), false) AS d_notes,
  COALESCE((SELECT bool_or(d_assignee) FROM diff), false) AS d_assignee, COALESCE((SELECT bool_or(d_snooze) FROM diff), false) AS d_snooze`;

export interface ChangeSummary {
  count: number;
  ids: number[];
  d_status: boolean;
  d_notes: boolean;
  d_assignee: boolean;
  d_snooze: boolean;
}

/** The fields a change touched on any market, as messages and webhook events name them. */
export function changedFields(s: ChangeSummary): Array<"status" | "notes" | "assignee" | "snooze"> {
  const changed: Array<"status" | "notes" | "assignee" | "snooze"> = [];
  if (s.d_status) changed.push("status");
  if (s.d_notes) changed.push("notes");
  if (s.d_assignee) changed.push("assignee");
  if (s.d_snooze) changed.push("snooze");
  return changed;
}
