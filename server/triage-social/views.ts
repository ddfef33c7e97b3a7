// Saved views: a named list query, personal or shared with everyone. Rules (also in the OpenAPI
// descriptions): any signed-in principal saves personal views (a token's belong to its owner);
// sharing one needs the triager role; a view is changed or deleted by its owner, or, when shared,
// by an admin; someone else's personal view does not exist for the asker (404). Names are unique
// per owner (409 naming body.name), and a person keeps at most VIEWS_PER_PERSON_MAX views.
import { roleAtLeast, type Principal } from "@/lib/contract/auth";
import {
  VIEWS_PER_PERSON_MAX,
  type SavedView,
  type SavedViewCreate,
  type SavedViewList,
  type SavedViewPatch,
  type ViewQuery,
} from "@/lib/contract/views";
import type { Database } from "@/server/db/client";
import { isoColumn, jsonColumn } from "@/server/db/columns";
import { conflict, forbidden, notFound } from "@/server/http/errors";
import { pageInMemory, wholeList, type Paging } from "@/server/http/cursor";
import { countViews, listQueryOf } from "./view-counts";

interface ViewRow {
  id: number;
  owner_id: string;
  owner_name: string;
  name: string;
  query: ViewQuery | string;
  shared: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

const VIEW_COLUMNS = `v.id, v.owner_id, u.name AS owner_name, v.name, v.query, v.shared, v.created_at, v.updated_at`;

/** `owner`: "you", or the owner's name when an admin renames someone's shared view. */
const nameTaken = (name: string, owner: string) =>
  conflict(`A view named "${name}" exists already for ${owner}`, {
    errors: [{ field: "body.name", message: "already used by another view of the same owner" }],
  });

const cannotShare = (p: Principal) => forbidden(`Sharing a view needs the triager role; ${p.name} has ${p.role}`);

/** The driver's unique violation (two renames to one name at once), recognised by shape. */
const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";

export class ViewService {
  constructor(private readonly db: Database) {}

  /** The asker's own views (oldest first, as tabs were added), then everyone else's shared ones. */
  async list(principal: Principal, paging: Paging = wholeList()): Promise<SavedViewList> {
    const all = await this.db.query<ViewRow>(
      `SELECT ${VIEW_COLUMNS} FROM saved_views v JOIN users u ON u.id = v.owner_id
       WHERE v.owner_id = $1 OR v.shared
       ORDER BY (v.owner_id = $1) DESC, v.created_at, v.id`,
      [principal.userId],
    );
    // At most VIEWS_PER_PERSON_MAX of one's own plus the shared ones: paged here, counted per page.
    type Key = { mine: boolean; at: string; id: number };
    const keyOf = (r: ViewRow): Key => ({ mine: r.owner_id === principal.userId, at: isoColumn(r.created_at), id: r.id });
    const compare = (x: ViewRow | Key, y: ViewRow | Key) => {
      const [a, b] = [x, y].map((v) => ("at" in v ? v : keyOf(v)));
      return Number(b.mine) - Number(a.mine) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || a.id - b.id;
    };
    const page = pageInMemory<ViewRow, Key>(
      paging,
      all,
      compare,
      (r) => Object.values(keyOf(r)),
      ([mine, at, id]) => ({ mine: mine === true, at: String(at), id: Number(id) }),
    );
    return { items: await this.withCounts(page.items, principal), nextCursor: page.nextCursor };
  }

  async get(id: number, principal: Principal): Promise<SavedView> {
    return (await this.withCounts([await this.visible(id, principal)], principal))[0];
  }

  async create(body: SavedViewCreate, principal: Principal): Promise<SavedView> {
    if (body.shared && !roleAtLeast(principal.role, "triager")) throw cannotShare(principal);
    // One statement checks the limit and the name: no row back means one of them refused it.
    const [created] = await this.db.query<{ id: number }>(
      `INSERT INTO saved_views (owner_id, name, query, shared)
       SELECT $1::text, $2::text, $3::jsonb, $4::boolean WHERE (SELECT count(*) FROM saved_views WHERE owner_id = $1) < $5
       ON CONFLICT (owner_id, name) DO NOTHING
       RETURNING id`,
      [principal.userId, body.name, JSON.stringify(body.query), body.shared, VIEWS_PER_PERSON_MAX],
    );
    if (!created) {
      const [same] = await this.db.query(`SELECT 1 FROM saved_views WHERE owner_id = $1 AND name = $2`, [principal.userId, body.name]);
      if (same) throw nameTaken(body.name, "you");
      throw conflict(`You have ${VIEWS_PER_PERSON_MAX} views, the most one person keeps: delete one first`);
    }
    return this.get(Number(created.id), principal);
  }

  async update(id: number, patch: SavedViewPatch, principal: Principal): Promise<SavedView> {
    const view = await this.editable(id, principal, "change");
    if (patch.shared === true && !view.shared && !roleAtLeast(principal.role, "triager")) throw cannotShare(principal);
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown, cast = "") => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (patch.name !== undefined) set("name", patch.name);
    if (patch.query !== undefined) set("query", JSON.stringify(patch.query), "::jsonb");
    if (patch.shared !== undefined) set("shared", patch.shared);
    if (sets.length === 0) return this.get(id, principal);
    try {
      const [updated] = await this.db.query(
        `UPDATE saved_views SET ${sets.join(", ")}, updated_at = now() WHERE id = $1 RETURNING id`,
        params,
      );
      if (!updated) throw notFound(`View ${id}`); // deleted in between
    } catch (e) {
      if (isUniqueViolation(e) && patch.name !== undefined)
        throw nameTaken(patch.name, view.owner_id === principal.userId ? "you" : view.owner_name);
      throw e;
    }
    return this.get(id, principal);
  }

  async delete(id: number, principal: Principal): Promise<void> {
    await this.editable(id, principal, "delete");
    await this.db.query(`DELETE FROM saved_views WHERE id = $1`, [id]);
  }

  /** The view if the asker may see it: their own, or a shared one; else 404. */
  private async visible(id: number, principal: Principal): Promise<ViewRow> {
    const [row] = await this.db.query<ViewRow>(
      `SELECT ${VIEW_COLUMNS} FROM saved_views v JOIN users u ON u.id = v.owner_id WHERE v.id = $1 AND (v.owner_id = $2 OR v.shared)`,
      [id, principal.userId],
    );
    if (!row) throw notFound(`View ${id}`);
    return row;
  }

  /** The view if the asker may change it: their own, or a shared one for an admin (403 for anyone else). */
  private async editable(id: number, principal: Principal, what: "change" | "delete"): Promise<ViewRow> {
    const view = await this.visible(id, principal);
    if (view.owner_id !== principal.userId && principal.role !== "admin") {
      throw forbidden(`Only its owner (${view.owner_name}) or an admin may ${what} the shared view "${view.name}"`);
    }
    return view;
  }

  private async withCounts(rows: ViewRow[], principal: Principal): Promise<SavedView[]> {
    const queries = rows.map((r) => jsonColumn(r.query));
    const counts = await countViews(
      this.db,
      queries.map((q) => listQueryOf(q, principal.userId)),
    );
    return rows.map((r, i) => ({
      id: Number(r.id),
      name: r.name,
      query: queries[i],
      shared: r.shared,
      owner: { id: r.owner_id, name: r.owner_name },
      mine: r.owner_id === principal.userId,
      ...counts[i],
      createdAt: isoColumn(r.created_at),
      updatedAt: isoColumn(r.updated_at),
    }));
  }
}
