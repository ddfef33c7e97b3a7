// Applying one triage change to a set of markets in the caller's transaction: the checks that
// refuse the whole change (unknown ids, forbidden changes, an unknown assignee) and the one
// statement that writes it (server/triage/change-sql.ts). PATCH is the same change on one market.
import type { Actor } from "@/lib/contract/audit";
import type { TriageStatus } from "@/lib/contract/enums";
import { NOTES_MAX, type Snooze } from "@/lib/contract/unmapped";
import type { Prisma } from "@/generated/prisma/client";
import { HttpError } from "@/server/http/errors";
import { auditCte, beforeJson, CHANGE_COLUMNS, diffCte, summarySelect, updateCte, type ChangeSummary } from "./change-sql";

type Tx = Prisma.TransactionClient;

/** What a change sets; fields left out stay as they are. */
export interface ChangeFields {
  status?: TriageStatus;
  /** Replaces the notes (PATCH); null clears. */
  notes?: string | null;
  /** Appended on a new line (bulk). */
  addNote?: string;
  /** A user id, null unassigns. Assigning a NEW market makes it ACKNOWLEDGED. */
  assigneeId?: string | null;
  /** Sets status IGNORED with this condition; null removes the condition (the status stays). */
  snooze?: Snooze | null;
}

/** An int[] parameter as an array literal: both drivers pass text, and ids are validated integers. */
const intArray = (ids: readonly number[]) => `{${ids.join(",")}}`;

export const unprocessable = (detail: string, field: string, extra?: Record<string, unknown>) =>
  new HttpError(422, "Unprocessable Content", detail, [{ field, message: detail }], extra);

/** Whether the change moves markets to another status (so MAPPED ones may not take it, in bulk). */
const changesStatus = (set: ChangeFields) => set.status !== undefined || (set.snooze !== undefined && set.snooze !== null);

/**
 * Refuses what no market may take: a snooze with a status other than IGNORED, an assignee that is
 * not an enabled user. `field` names the body's object holding the fields ("body" or "body.set").
 */
export async function checkFields(tx: Tx, set: ChangeFields, field: string): Promise<void> {
  if (set.snooze && set.status !== undefined && set.status !== "IGNORED") {
    throw unprocessable(`A snooze sets the status IGNORED; it cannot go with status ${set.status}`, `${field}.status`);
  }
  if (set.assigneeId !== undefined && set.assigneeId !== null) {
    const found = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM users WHERE id = $1::text AND banned IS NOT TRUE`,
      set.assigneeId,
    );
    if (found.length === 0) throw unprocessable(`No enabled user has the id ${set.assigneeId}`, `${field}.assigneeId`);
  }
}

/**
 * Locks the markets in id order (so two changes of overlapping sets cannot deadlock) and refuses
 * the whole change, naming the ids, if any does not exist or may not take it.
 * @param field the body field the ids came from, for the problem's errors[].
 */
export async function lockForChange(tx: Tx, ids: readonly number[], set: ChangeFields, field: string): Promise<void> {
  const [r] = await tx.$queryRawUnsafe<{ unknown: number[]; mapped: number[]; too_long: number[] }[]>(
    `WITH locked AS (SELECT id, status, notes FROM unmapped_markets WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE)
     SELECT
       COALESCE((SELECT array_agg(r.id ORDER BY r.id) FROM unnest($1::int[]) AS r(id) WHERE NOT EXISTS (SELECT 1 FROM locked l WHERE l.id = r.id)), '{}') AS unknown,
       COALESCE((SELECT array_agg(id ORDER BY id) FROM locked WHERE $2::boolean AND status = 'MAPPED'), '{}') AS mapped,
       COALESCE((SELECT array_agg(id ORDER BY id) FROM locked WHERE $3::text IS NOT NULL
         AND length(CASE WHEN notes IS NULL OR notes = '' THEN $3::text ELSE notes || E'\\n' || $3::text END) > ${NOTES_MAX}), '{}') AS too_long`,
    intArray(ids),
    changesStatus(set),
    set.addNote ?? null,
  );
  const refuse = (list: number[], why: string, f: string) => {
    const bad = list.map(Number);
    if (bad.length) throw unprocessable(`${why}: ${bad.join(", ")}. Nothing was changed.`, f, { ids: bad });
  };
  refuse(r.unknown, "No market has these ids", field);
  refuse(r.mapped, "These markets are MAPPED: their status changes only by their mapping", field);
  refuse(r.too_long, `Their notes would pass ${NOTES_MAX} characters with this note`, "body.set.addNote");
}

export interface ApplyOptions {
  changeId: string;
  actor: Actor;
  reason: string | null;
  /** Write the change set even when nothing changed (a bulk change always answers a changeId). */
  always: boolean;
  /** How many changed ids to answer. */
  idsCap: number;
}

/**
 * Writes the change to the (locked) markets in one statement: new values, version + 1, the change
 * set and its entries, the audit rows. Markets the change leaves as they were are not touched.
 */
export async function applyChange(tx: Tx, ids: readonly number[], set: ChangeFields, o: ApplyOptions): Promise<ChangeSummary> {
  const snoozeOn = set.snooze !== undefined && set.snooze !== null;
  const params = [
    intArray(ids),
    set.status ?? null,
    set.notes !== undefined,
    set.notes ?? null,
    set.addNote ?? null,
    set.assigneeId !== undefined,
    set.assigneeId ?? null,
    set.snooze !== undefined,
    snoozeOn,
    set.snooze?.until ?? null,
    set.snooze?.sightings ?? null,
    set.snooze?.escalating ?? false,
    o.changeId,
    o.actor.type,
    o.actor.id,
    o.actor.name,
    o.reason,
    o.always,
  ];
  // op: the snooze is set anew, cleared (removed, or the status leaves IGNORED) or kept.
  const sql = `WITH cur AS (
      SELECT id, version, occurrence_count, baseline, ${CHANGE_COLUMNS} FROM unmapped_markets WHERE id = ANY($1::int[])
    ), nxt AS (
      SELECT cur.*,
        CASE WHEN $9::boolean THEN 'IGNORED'::"TriageStatus"
             WHEN $2::text IS NOT NULL THEN $2::text::"TriageStatus"
             WHEN $6::boolean AND $7::text IS NOT NULL AND cur.status = 'NEW' THEN 'ACKNOWLEDGED'::"TriageStatus"
             ELSE cur.status END AS n_status,
        CASE WHEN $3::boolean THEN $4::text
             WHEN $5::text IS NULL THEN cur.notes
             WHEN cur.notes IS NULL OR cur.notes = '' THEN $5::text
             ELSE cur.notes || E'\\n' || $5::text END AS n_notes,
        CASE WHEN $6::boolean THEN $7::text ELSE cur.assignee_id END AS n_assignee
      FROM cur
    ), fin AS (
      SELECT nxt.*,
        CASE op WHEN 'set' THEN now() WHEN 'keep' THEN snoozed_at END AS n_snoozed_at,
        CASE op WHEN 'set' THEN $10::timestamptz WHEN 'keep' THEN snooze_until END AS n_snooze_until,
        CASE op WHEN 'set' THEN $11::int WHEN 'keep' THEN snooze_sightings END AS n_snooze_sightings,
        CASE op WHEN 'set' THEN occurrence_count WHEN 'keep' THEN snooze_from_count END AS n_snooze_from_count,
        CASE op WHEN 'set' THEN $12::boolean WHEN 'keep' THEN snooze_escalating ELSE false END AS n_snooze_escalating,
        CASE op WHEN 'set' THEN baseline WHEN 'keep' THEN snooze_baseline END AS n_snooze_baseline
      FROM nxt CROSS JOIN LATERAL (SELECT CASE WHEN $9::boolean THEN 'set' WHEN $8::boolean OR nxt.n_status <> 'IGNORED' THEN 'clear' ELSE 'keep' END AS op) o
    ), ${diffCte}, ${updateCte},
    cs AS (
      INSERT INTO change_sets (id, actor_type, actor_id, actor, reason, count)
      SELECT $13::uuid, $14::text, $15::text, $16::text, $17::text, (SELECT count(*) FROM diff)::int
      WHERE $18::boolean OR EXISTS (SELECT 1 FROM diff)
    ), entries AS (
      INSERT INTO change_entries (change_id, market_id, before, after_version)
      SELECT $13::uuid, d.id, ${beforeJson("d")}, d.version + 1 FROM diff d
    ), ${auditCte({ type: "$14::text", id: "$15::text", name: "$16::text" }, "$17::text")}
    ${summarySelect(o.idsCap)}`;
  const [r] = await tx.$queryRawUnsafe<ChangeSummary[]>(sql, ...params);
  return { ...r, count: Number(r.count), ids: (r.ids ?? []).map(Number) };
}
