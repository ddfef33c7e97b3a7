// How many markets each saved view shows now, for every view of a request in ONE statement: each
// view's query goes through the list's own SQL (listSql(q).total: counters for source/status/reason,
// a count capped at TOTAL_CAP for the rest), so a view counts exactly what the list would show,
// and the totals are selected side by side (`SELECT (total 1), (total 2), …`), their parameters
// renumbered into one list. A request lists at most the asker's own views and the shared ones
// (VIEWS_PER_PERSON_MAX each), so the statement stays bounded.
import { unmappedListQuerySchema, type UnmappedListQuery } from "@/lib/contract/unmapped";
import type { ViewQuery } from "@/lib/contract/views";
import type { Database } from "@/server/db/client";
import { listSql, totalOf } from "@/server/discovery/list-sql";

export interface ViewCount {
  count: number;
  countCapped: boolean;
}

/** The stored query as the list reads it, `assignee=me` meaning whoever asks; null if it no longer parses. */
export function listQueryOf(query: ViewQuery, userId: string): UnmappedListQuery | null {
  const parsed = unmappedListQuerySchema.safeParse(query);
  if (!parsed.success) return null;
  return parsed.data.assignee === "me" ? { ...parsed.data, assignee: userId } : parsed.data;
}

/**
 * Moves a statement's $n placeholders into a shared parameter list: only the parameters it refers
 * to are added (PostgreSQL refuses a parameter whose type nothing in the statement decides).
 */
function renumber(sql: string, own: readonly unknown[], params: unknown[]): string {
  const moved = new Map<number, number>();
  return sql.replace(/\$(\d+)/g, (_, d: string) => {
    const n = Number(d);
    let to = moved.get(n);
    if (to === undefined) {
      params.push(own[n - 1]);
      to = params.length;
      moved.set(n, to);
    }
    return `$${to}`;
  });
}

/**
 * The counts of `queries`, in their order. A query that no longer parses (the list's filters
 * changed since it was saved) counts 0: the view still lists, and opening it shows the error.
 */
export async function countViews(db: Database, queries: readonly (UnmappedListQuery | null)[]): Promise<ViewCount[]> {
  const params: unknown[] = [];
  const columns: string[] = [];
  const sqls = queries.map((q) => (q ? listSql(q) : null));
  sqls.forEach((sql, i) => {
    if (sql) columns.push(`(${renumber(sql.total, sql.params, params)})::int8 AS n${i}`);
  });
  const [row] = columns.length ? await db.query<Record<string, number | string>>(`SELECT ${columns.join(", ")}`, params) : [{}];
  return sqls.map((sql, i) => {
    if (!sql) return { count: 0, countCapped: false };
    const { total, totalCapped } = totalOf(sql, Number(row[`n${i}`]));
    return { count: total, countCapped: totalCapped };
  });
}
