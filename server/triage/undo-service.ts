// POST /api/changes/{changeId}/undo: puts back what a change replaced, on each market nobody has
// changed since (still at the version the change left it at); the others are skipped and listed.
// Any triager may undo any change: triage is shared work, and the undo is audited like any edit.
// One transaction and one restoring statement, whatever the number of markets.
import type { Actor } from "@/lib/contract/audit";
import { BULK_MESSAGE_IDS_CAP } from "@/lib/contract/realtime";
import type { UndoResult } from "@/lib/contract/unmapped";
import type { Database } from "@/server/db/client";
import { jsonColumn } from "@/server/db/columns";
import { conflict, notFound } from "@/server/http/errors";
import { nullPublisher, type Publisher } from "@/server/realtime/publisher";
import type { WebhookOutbox } from "@/server/webhooks/outbox";
import { auditCte, CHANGE_COLUMNS, diffCte, restoredColumns, updateCte } from "./change-sql";

interface SkippedRow {
  id: number;
  version: number | null;
  afterVersion: number;
}

const RESTORE_SQL = `WITH ent AS (
    SELECT e.market_id, e.before, e.after_version, m.id, m.version, ${CHANGE_COLUMNS.replace(/(\w+)/g, "m.$1")}
    FROM change_entries e LEFT JOIN unmapped_markets m ON m.id = e.market_id
    WHERE e.change_id = $1::uuid
  ), fin AS (
    SELECT ent.*, ${restoredColumns("ent.before")} FROM ent WHERE ent.id IS NOT NULL AND ent.version = ent.after_version
  ), ${diffCte}, ${updateCte},
  ${auditCte({ type: "$2::text", id: "$3::text", name: "$4::text" }, "$5::text")},
  done AS (UPDATE change_sets SET undone_at = now() WHERE id = $1::uuid)
  SELECT COALESCE((SELECT array_agg(id ORDER BY id) FROM fin), '{}') AS restored,
    (SELECT count(*)::int FROM diff) AS changed,
    COALESCE((SELECT (array_agg(id ORDER BY id))[1:${BULK_MESSAGE_IDS_CAP}] FROM diff), '{}') AS changed_ids,
    COALESCE((SELECT jsonb_agg(jsonb_build_object('id', market_id, 'version', version, 'afterVersion', after_version) ORDER BY market_id)
      FROM ent WHERE ent.id IS NULL OR ent.version <> ent.after_version), '[]') AS skipped`;

const skipReason = (s: SkippedRow) =>
  s.version === null
    ? "The market no longer exists"
    : `Changed since: now at version ${s.version}, the change left it at version ${s.afterVersion}`;

export class UndoService {
  constructor(
    private readonly db: Database,
    private readonly publisher: Publisher = nullPublisher,
    private readonly outbox: WebhookOutbox | null = null,
  ) {}

  async undo(changeId: string, actor: Actor): Promise<UndoResult> {
    const r = await this.db.prisma.$transaction(async (tx) => {
      // The change set's row lock makes two concurrent undos of one change take turns: the second sees undone_at.
      const [set] = await tx.$queryRawUnsafe<{ undone_at: Date | null }[]>(
        `SELECT undone_at FROM change_sets WHERE id = $1::uuid FOR UPDATE`,
        changeId,
      );
      if (!set) throw notFound(`Change ${changeId}`);
      if (set.undone_at !== null) throw conflict(`Change ${changeId} was already undone`);
      // The markets in id order, like every change, so an undo and a bulk change cannot deadlock.
      await tx.$queryRawUnsafe(
        `SELECT count(*) FROM (SELECT m.id FROM unmapped_markets m JOIN change_entries e ON e.market_id = m.id
           WHERE e.change_id = $1::uuid ORDER BY m.id FOR UPDATE OF m) locked`,
        changeId,
      );
      const [row] = await tx.$queryRawUnsafe<
        { restored: number[]; changed: number; changed_ids: number[]; skipped: SkippedRow[] | string }[]
      >(RESTORE_SQL, changeId, actor.type, actor.id, actor.name, `Undo of change ${changeId}`);
      if (Number(row.changed) > 0) {
        const ids = (row.changed_ids ?? []).map(Number);
        await this.outbox?.write(tx, "unmapped.updated", { changeId, undo: true, count: Number(row.changed), ids, changed: [] });
      }
      return row;
    });
    this.outbox?.wakeFor("unmapped.updated");
    const skipped = jsonColumn<SkippedRow[]>(r.skipped, []).map((s) => ({
      id: Number(s.id),
      reason: skipReason(s),
    }));
    const restored = (r.restored ?? []).map(Number);
    this.publisher.publish("unmapped_bulk_updated", {
      changeId,
      undo: true,
      count: Number(r.changed),
      ids: (r.changed_ids ?? []).map(Number),
    });
    return { changeId, restored, skipped };
  }
}
