// Comments on a market: read by everyone, written by triagers, edited and deleted by their author
// (a token writes as its owner) or an admin. The body is stored as given after trimming: it is
// plain text that every client renders as text, so hostile markup is kept verbatim, never cleaned.
// Each change is announced as unmapped_updated { changed: ["comments"] } once committed, so open
// pages refetch; a comment does not change the market itself, so its version stays.
import type { Principal } from "@/lib/contract/auth";
import type { Comment, CommentList } from "@/lib/contract/comments";
import type { Database } from "@/server/db/client";
import { isoColumn, isoColumnOrNull } from "@/server/db/columns";
import { afterKey, cursorPage, pageFields, rowWindow, type Paging } from "@/server/http/cursor";
import { forbidden, notFound } from "@/server/http/errors";
import { nullPublisher, type Publisher } from "@/server/realtime/publisher";

export interface CommentRow {
  id: number;
  market_id: number;
  author_id: string | null;
  author_name: string;
  /** The author's name now (null when the account is gone). */
  author_current_name: string | null;
  body: string;
  created_at: Date | string;
  edited_at: Date | string | null;
}

/** The columns of a comment row (alias c) with its author's current name (alias u, LEFT JOIN users). */
export const COMMENT_COLUMNS = `c.id, c.market_id, c.author_id, c.author_name, u.name AS author_current_name, c.body, c.created_at, c.edited_at`;

export function toComment(r: CommentRow): Comment {
  return {
    id: Number(r.id),
    marketId: Number(r.market_id),
    author: r.author_id !== null && r.author_current_name !== null ? { id: r.author_id, name: r.author_current_name } : null,
    authorName: r.author_name,
    body: r.body,
    createdAt: isoColumn(r.created_at),
    editedAt: isoColumnOrNull(r.edited_at),
  };
}

type Written = CommentRow & { version: number };

export class CommentService {
  constructor(
    private readonly db: Database,
    private readonly publisher: Publisher = nullPublisher,
  ) {}

  /** Newest first; 404 for an unknown market. The total comes with the page in one statement. */
  async list(marketId: number, paging: Paging): Promise<CommentList> {
    const { limit, offset } = rowWindow(paging);
    const after = afterKey(paging);
    // By cursor: the comments after the last one sent in (created_at, id) descending order.
    const keyset = after ? `AND (c.created_at, c.id) < ($4::timestamptz, $5::int)` : "";
    const rows = await this.db.query<CommentRow & { market_found: number | null; total_n: number | string }>(
      `WITH market AS (SELECT id FROM unmapped_markets WHERE id = $1),
            total AS (SELECT count(*)::int AS n FROM market_comments WHERE market_id = $1),
            items AS (SELECT ${COMMENT_COLUMNS} FROM market_comments c LEFT JOIN users u ON u.id = c.author_id
                      WHERE c.market_id = $1 ${keyset} ORDER BY c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3)
       SELECT market.id AS market_found, total.n AS total_n, items.*
       FROM market CROSS JOIN total LEFT JOIN items ON true
       ORDER BY items.created_at DESC, items.id DESC`,
      [marketId, limit, offset, ...(after ?? [])],
    );
    if (rows.length === 0) throw notFound(`Unmapped market ${marketId}`);
    const page = cursorPage(paging, rows[0].id === null ? [] : rows.map(toComment), (c) => [c.createdAt, c.id]);
    return { ...page, total: Number(rows[0].total_n), ...pageFields(paging) };
  }

  /** One comment; 404 unless it is this market's. */
  async get(marketId: number, commentId: number): Promise<Comment> {
    const [row] = await this.db.query<CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM market_comments c LEFT JOIN users u ON u.id = c.author_id WHERE c.id = $2 AND c.market_id = $1`,
      [marketId, commentId],
    );
    if (!row) throw notFound(`Comment ${commentId} of market ${marketId}`);
    return toComment(row);
  }

  /** Writes a comment as the principal's person (a token's owner): their id and their name now. */
  async create(marketId: number, body: string, principal: Principal): Promise<Comment> {
    const [row] = await this.db.query<Written>(
      `WITH ins AS (
         INSERT INTO market_comments (market_id, author_id, author_name, body)
         SELECT m.id, u.id, u.name, $3 FROM unmapped_markets m CROSS JOIN users u WHERE m.id = $1 AND u.id = $2
         RETURNING *)
       SELECT ${COMMENT_COLUMNS}, m.version FROM ins c JOIN users u ON u.id = c.author_id JOIN unmapped_markets m ON m.id = c.market_id`,
      [marketId, principal.userId, body],
    );
    // The principal's person exists (resolving the request checked it), so no row means no market.
    if (!row) throw notFound(`Unmapped market ${marketId}`);
    return this.announced(row);
  }

  async update(marketId: number, commentId: number, body: string, principal: Principal): Promise<Comment> {
    await this.authorize(marketId, commentId, principal, "edit");
    const [row] = await this.db.query<Written>(
      `WITH upd AS (UPDATE market_comments SET body = $3, edited_at = now() WHERE id = $2 AND market_id = $1 RETURNING *)
       SELECT ${COMMENT_COLUMNS}, m.version FROM upd c LEFT JOIN users u ON u.id = c.author_id JOIN unmapped_markets m ON m.id = c.market_id`,
      [marketId, commentId, body],
    );
    if (!row) throw notFound(`Comment ${commentId} of market ${marketId}`); // deleted in between
    return this.announced(row);
  }

  async delete(marketId: number, commentId: number, principal: Principal): Promise<void> {
    await this.authorize(marketId, commentId, principal, "delete");
    const [row] = await this.db.query<{ version: number }>(
      `WITH del AS (DELETE FROM market_comments WHERE id = $2 AND market_id = $1 RETURNING market_id)
       SELECT m.version FROM del JOIN unmapped_markets m ON m.id = del.market_id`,
      [marketId, commentId],
    );
    if (!row) throw notFound(`Comment ${commentId} of market ${marketId}`);
    this.publisher.publish("unmapped_updated", { id: marketId, version: Number(row.version), changed: ["comments"] });
  }

  /** 404 unless the comment is this market's; 403 unless it is the principal's own or the principal is an admin. */
  private async authorize(marketId: number, commentId: number, principal: Principal, what: "edit" | "delete"): Promise<void> {
    const [found] = await this.db.query<{ author_id: string | null }>(
      `SELECT author_id FROM market_comments WHERE id = $2 AND market_id = $1`,
      [marketId, commentId],
    );
    if (!found) throw notFound(`Comment ${commentId} of market ${marketId}`);
    if (found.author_id !== principal.userId && principal.role !== "admin") {
      throw forbidden(`Only its author or an admin may ${what} comment ${commentId}`);
    }
  }

  private announced(row: Written): Comment {
    const comment = toComment(row);
    this.publisher.publish("unmapped_updated", { id: comment.marketId, version: Number(row.version), changed: ["comments"] });
    return comment;
  }
}
