// A market's activity timeline: its comments and its history entries (status, notes, assignee,
// snooze, mapping, and the scraper's regressed / unsnoozed / escalated), newest first, in one
// statement: a UNION ALL of both tables ordered by (created_at, id) descending with LIMIT/OFFSET,
// its total, and the market itself (no row at all: 404). Both tables are read through their
// (market, created_at DESC, id DESC) indexes. Comment and audit ids are separate sequences, so
// the kind breaks a tie of both, keeping pages stable.
import type { ActivityItem, ActivityList } from "@/lib/contract/comments";
import type { Database } from "@/server/db/client";
import { isoColumn, jsonColumn } from "@/server/db/columns";
import { afterKey, cursorPage, pageFields, rowWindow, type Paging } from "@/server/http/cursor";
import { notFound } from "@/server/http/errors";
import { toEntry, type AuditRow } from "@/server/audit/audit-service";
import { COMMENT_COLUMNS, toComment, type CommentRow } from "./comments";

// Every column of both kinds, the other kind's left NULL; the audit ones aliased as Prisma names
// them so the history's own mapping (toEntry) reads them.
const SQL = `WITH timeline AS (
    SELECT 'comment' AS kind, ${COMMENT_COLUMNS},
      NULL::text AS "entityType", NULL::text AS "entityId", NULL::text AS action, NULL::text AS "actorType",
      NULL::text AS "actorId", NULL::text AS actor, NULL::jsonb AS before, NULL::jsonb AS after, NULL::text AS reason
    FROM market_comments c LEFT JOIN users u ON u.id = c.author_id
    WHERE c.market_id = $1
    UNION ALL
    SELECT 'event', a.id, NULL, NULL, NULL, NULL, NULL, a.created_at, NULL,
      a.entity_type, a.entity_id, a.action, a.actor_type, a.actor_id, a.actor, a.before, a.after, a.reason
    FROM audit_log a
    WHERE a.entity_type = 'unmapped_market' AND a.entity_id = $1::text
  ),
  market AS (SELECT market_name FROM unmapped_markets WHERE id = $1),
  total AS (SELECT count(*)::int AS n FROM timeline),
  page AS (SELECT * FROM timeline /*keyset*/ ORDER BY created_at DESC, id DESC, kind LIMIT $2 OFFSET $3)
  SELECT market.market_name, total.n AS total_n, page.*
  FROM market CROSS JOIN total LEFT JOIN page ON true
  ORDER BY page.created_at DESC, page.id DESC, page.kind`;

type Row = CommentRow & {
  market_name: string;
  total_n: number | string;
  kind: "comment" | "event" | null;
  entityType: string;
  entityId: string;
  action: string;
  actorType: string;
  actorId: string | null;
  actor: string;
  before: unknown;
  after: unknown;
  reason: string | null;
};

function toItem(r: Row, names: ReadonlyMap<string, string>): ActivityItem {
  if (r.kind === "comment") {
    const comment = toComment(r);
    return { kind: "comment", at: comment.createdAt, comment };
  }
  const audit: AuditRow = {
    id: Number(r.id),
    entityType: r.entityType,
    entityId: r.entityId,
    action: r.action,
    actorType: r.actorType,
    actorId: r.actorId,
    actor: r.actor,
    before: jsonColumn(r.before as AuditRow["before"], null),
    after: jsonColumn(r.after as AuditRow["after"], null),
    reason: r.reason,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
  };
  const event = toEntry(audit, names);
  return { kind: "event", at: event.createdAt, event };
}

export class ActivityService {
  constructor(private readonly db: Database) {}

  async list(marketId: number, paging: Paging): Promise<ActivityList> {
    const { limit, offset } = rowWindow(paging);
    const after = afterKey(paging);
    // By cursor: the entries after the last one sent, in the order (created_at DESC, id DESC, kind).
    const keyset = after
      ? `WHERE created_at < $4::timestamptz OR (created_at = $4::timestamptz AND (id < $5::int OR (id = $5::int AND kind > $6::text)))`
      : "";
    const rows = await this.db.query<Row>(SQL.replace("/*keyset*/", keyset), [marketId, limit, offset, ...(after ?? [])]);
    if (rows.length === 0) throw notFound(`Unmapped market ${marketId}`);
    const names = new Map([[String(marketId), rows[0].market_name]]);
    const page = cursorPage(paging, rows[0].kind === null ? [] : rows, (r) => [isoColumn(r.created_at), Number(r.id), r.kind]);
    return {
      items: page.items.map((r) => toItem(r, names)),
      nextCursor: page.nextCursor,
      total: Number(rows[0].total_n),
      ...pageFields(paging),
    };
  }
}
