// Coverage alerts for the API: the list (newest first, by cursor) and a person's dismissal. The
// watch that raises and resolves them is coverage-watch.ts.
import type { Actor } from "@/lib/contract/audit";
import type { CoverageAlert, CoverageListQuery } from "@/lib/contract/coverage";
import { AUDIT_COLUMN_LIST } from "@/server/audit/audit-service";
import type { Database } from "@/server/db/client";
import { conflict, notFound } from "@/server/http/errors";
import { cursorPage, type Paging } from "@/server/http/cursor";
import type { Publisher } from "@/server/realtime/publisher";
import { alertColumns } from "./coverage-sql";
import { toAlert, type AlertRow } from "./coverage-watch";

const STATUS_WHERE: Record<CoverageListQuery["status"], string> = {
  open: "resolved_at IS NULL",
  resolved: "resolved_at IS NOT NULL",
  all: "true",
};

export class CoverageService {
  constructor(
    private readonly db: Database,
    private readonly publisher: Publisher,
  ) {}

  /** Newest first by (createdAt, id); after the cursor's key when there is one. */
  async list(status: CoverageListQuery["status"], paging: Paging): Promise<{ items: CoverageAlert[]; nextCursor: string | null }> {
    const after = paging.mode === "cursor" ? paging.after : null;
    const limit = paging.mode === "cursor" ? paging.limit : paging.pageSize;
    const offset = paging.mode === "page" ? (paging.page - 1) * paging.pageSize : 0;
    const params: unknown[] = [Number.isFinite(limit) ? limit + 1 : null, offset];
    let keyset = "";
    if (after) {
      params.push(after[0], after[1]);
      keyset = `AND (created_at, id) < ($3::timestamptz, $4::int)`;
    }
    const rows = await this.db.query<AlertRow>(
      `SELECT ${alertColumns("coverage_alerts")} FROM coverage_alerts
       WHERE ${STATUS_WHERE[status]} ${keyset}
       ORDER BY created_at DESC, id DESC LIMIT $1::int OFFSET $2::int`,
      params,
    );
    return cursorPage(paging, rows.map(toAlert), (a) => [a.createdAt, a.id]);
  }

  /**
   * Resolves an open alert now, naming who dismissed it, and records that in the mapping's history
   * (`coverage_alert_dismissed`, in the same statement): a person decided the drop needs nothing.
   * 404 for no such alert, 409 for one already resolved (by a run or a person): the answer says which.
   */
  async dismiss(id: number, actor: Actor): Promise<CoverageAlert> {
    const [row] = await this.db.query<AlertRow>(
      `WITH dismissed AS (
         UPDATE coverage_alerts SET resolved_at = now(), dismissed_by = $2::text
         WHERE id = $1::int AND resolved_at IS NULL RETURNING ${alertColumns("coverage_alerts")}
       ), audit AS (
         INSERT INTO audit_log (${AUDIT_COLUMN_LIST})
         SELECT 'mapping', d."canonicalId", 'coverage_alert_dismissed', $3::text, $4::text, $2::text, NULL,
           jsonb_build_object('alertId', d.id, 'platform', d.platform, 'marketKey', d."marketKey", 'kind', d.kind), NULL
         FROM dismissed d
       )
       SELECT * FROM dismissed`,
      [id, actor.name, actor.type, actor.id],
    );
    if (!row) {
      const [existing] = await this.db.query<{ dismissed_by: string | null }>(
        `SELECT dismissed_by FROM coverage_alerts WHERE id = $1::int`,
        [id],
      );
      if (!existing) throw notFound(`Coverage alert ${id}`);
      throw conflict(
        existing.dismissed_by === null
          ? `Coverage alert ${id} is already resolved: a later run found the market again`
          : `Coverage alert ${id} was already dismissed by ${existing.dismissed_by}`,
      );
    }
    const alert = toAlert(row);
    this.publisher.publish("coverage_alert", { runId: null, count: 0, alerts: [], resolved: [alert.id] });
    return alert;
  }
}
