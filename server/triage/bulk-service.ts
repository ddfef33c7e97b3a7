// POST /api/unmapped/bulk: one change to up to BULK_MAX markets, named by ids or by the list's
// filters, in one transaction and all or nothing. The statements are set-based (server/triage/
// apply.ts): a few per request whatever the number of markets, never one per market.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/contract/audit";
import { BULK_MESSAGE_IDS_CAP } from "@/lib/contract/realtime";
import { BULK_MAX, type BulkRequest, type ChangeResult } from "@/lib/contract/unmapped";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { filterSql, type Viewer } from "@/server/discovery/list-sql";
import { nullPublisher, type Publisher } from "@/server/realtime/publisher";
import type { WebhookOutbox } from "@/server/webhooks/outbox";
import { applyChange, checkFields, lockForChange, unprocessable } from "./apply";
import { changedFields } from "./change-sql";

type Tx = Prisma.TransactionClient;

export class BulkService {
  constructor(
    private readonly db: Database,
    private readonly publisher: Publisher = nullPublisher,
    private readonly outbox: WebhookOutbox | null = null,
  ) {}

  /** @param viewer who asks: a filter's `assignee=me` is them. */
  async run(req: BulkRequest, actor: Actor, viewer: Viewer | null): Promise<ChangeResult> {
    const changeId = randomUUID();
    const summary = await this.db.prisma.$transaction(async (tx) => {
      await checkFields(tx, req.set, "body.set");
      const ids =
        "ids" in req.scope ? [...new Set(req.scope.ids)].sort((a, b) => a - b) : await this.matching(tx, req.scope.filter, viewer);
      await lockForChange(tx, ids, req.set, "ids" in req.scope ? "body.ids" : "body.filter");
      const applied = await applyChange(tx, ids, req.set, {
        changeId,
        actor,
        reason: req.reason ?? null,
        always: true,
        idsCap: BULK_MESSAGE_IDS_CAP,
      });
      if (applied.count > 0) {
        const data = { changeId, undo: false, count: applied.count, ids: applied.ids, changed: changedFields(applied) };
        await this.outbox?.write(tx, "unmapped.updated", data);
      }
      return applied;
    });
    this.outbox?.wakeFor("unmapped.updated");
    // After the commit, one message for the whole change.
    this.publisher.publish("unmapped_bulk_updated", { changeId, undo: false, count: summary.count, ids: summary.ids });
    return { changeId, count: summary.count };
  }

  /**
   * The ids the filter matches, locked in id order; more than BULK_MAX refuses the change with the
   * exact count (counted only then). FOR UPDATE re-checks the filter on rows changed meanwhile.
   */
  private async matching(tx: Tx, filter: Extract<BulkRequest["scope"], { filter: unknown }>["filter"], viewer: Viewer | null) {
    const { where, params } = filterSql(filter, viewer);
    const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM unmapped_markets ${where} ORDER BY id LIMIT ${BULK_MAX + 1} FOR UPDATE`,
      ...params,
    );
    if (rows.length > BULK_MAX) {
      const [{ n }] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM unmapped_markets ${where}`, ...params);
      throw unprocessable(
        `The filter matches ${Number(n)} markets; a bulk change takes at most ${BULK_MAX}. Narrow the filter.`,
        "body.filter",
        { count: Number(n) },
      );
    }
    return rows.map((r) => Number(r.id));
  }
}
