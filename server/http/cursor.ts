// The one implementation of cursor paging every list uses (the shapes are in lib/contract/cursor.ts):
// which way a request pages, reading and checking its cursor, making the next one, and the Link
// header. A route reads the request's paging with `readPaging` (given its list's keyset: the sort,
// the normalized filters and the kind of each sort-key part), hands it to its service, which reads
// `limit + 1` rows after `after` and answers `nextCursor: paging.next(lastKey)` when the extra row
// came back, and answers with `listAnswer`, which adds `Link: <…>; rel="next"`.
import { createHash } from "node:crypto";
import {
  CURSOR_LIMIT_DEFAULT,
  cursorPayloadSchema,
  keyPartSchemaOf,
  type CursorPayload,
  type KeyPart,
  type Keyset,
} from "@/lib/contract/cursor";
import { badRequest, type FieldError } from "./errors";
import { json } from "./route";

export type Paging =
  | { mode: "page"; page: number; pageSize: number }
  | {
      mode: "cursor";
      /** The sort key of the last row already sent (checked against `kinds`); null: from the start. */
      after: readonly KeyPart[] | null;
      limit: number;
      /** The cursor of the page that follows the row with this key. */
      next: (key: readonly KeyPart[]) => string;
    };

interface PagingQuery {
  page?: number;
  pageSize?: number;
  cursor?: string;
  limit?: number;
}

/** The same object always gives the same hash: keys sorted, undefined left out. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const filterHash = (filters: Record<string, unknown>) => createHash("sha256").update(stableJson(filters)).digest("hex").slice(0, 16);

export function encodeCursor(keyset: Keyset, key: readonly KeyPart[]): string {
  const payload: CursorPayload = { v: 1, s: keyset.sort, f: filterHash(keyset.filters), k: [...key] };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

const refused = (message: string) => badRequest(`The cursor cannot be used: ${message}`, [{ field: "query.cursor", message }]);

/** The key a cursor carries, once it is shown to be one of ours, for this sort and these filters. */
function decodeCursor(cursor: string, keyset: Keyset): KeyPart[] {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refused("not a cursor this API made (garbled)");
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw refused("not a cursor this API made (garbled)");
  }
  const parsed = cursorPayloadSchema.safeParse(raw);
  if (!parsed.success) throw refused("not a cursor this API made (garbled)");
  const { s, f, k } = parsed.data;
  if (s !== keyset.sort) throw refused(`it was made for the sort ${s}, this request sorts by ${keyset.sort}`);
  if (f !== filterHash(keyset.filters)) throw refused("it was made for other filters; send the same filters as the request that gave it");
  if (k.length !== keyset.kinds.length || k.some((part, i) => !keyPartSchemaOf(keyset.kinds[i]).safeParse(part).success)) {
    throw refused("its key does not fit this list (tampered)");
  }
  return k;
}

/**
 * How this request pages. page/pageSize sent: by number, as before cursors existed. Otherwise by
 * cursor (with neither cursor nor limit that is the first page, the same rows as page 1).
 * Both kinds in one request: 400 naming the fields. `whole`: a list that has no pages answers all its
 * items when neither cursor nor limit is sent.
 */
export function readPaging(req: Request, query: PagingQuery, keyset: Keyset, { whole = false } = {}): Paging {
  const sent = new URL(req.url).searchParams;
  const byCursor = ["cursor", "limit"].filter((k) => sent.has(k));
  const byPage = ["page", "pageSize"].filter((k) => sent.has(k));
  if (byCursor.length && byPage.length) {
    const errors: FieldError[] = [...byCursor, ...byPage].map((k) => ({
      field: `query.${k}`,
      message: `${byCursor.join(" and ")} (cursor paging) cannot be combined with ${byPage.join(" and ")} (page paging)`,
    }));
    throw badRequest("Page by cursor or by page number, not both", errors);
  }
  if (byPage.length) return { mode: "page", page: query.page ?? 1, pageSize: query.pageSize ?? CURSOR_LIMIT_DEFAULT };
  return {
    mode: "cursor",
    after: query.cursor ? decodeCursor(query.cursor, keyset) : null,
    // A list that always answered all its items still does, until a client asks for a limit.
    limit: query.limit ?? (whole && !query.cursor ? Number.POSITIVE_INFINITY : CURSOR_LIMIT_DEFAULT),
    next: (key) => encodeCursor(keyset, key),
  };
}

/** RFC 8288: the request's own path and query, with the cursor replaced (every other parameter kept). */
function nextLink(req: Request, nextCursor: string): string {
  const url = new URL(req.url);
  url.searchParams.set("cursor", nextCursor);
  return `<${url.pathname}?${url.searchParams.toString()}>; rel="next"`;
}

/** A list's JSON answer, with `Link: <…>; rel="next"` when there is a next page. */
export function listAnswer(req: Request, body: { nextCursor: string | null }): Response {
  return json(body, body.nextCursor ? { headers: { link: nextLink(req, body.nextCursor) } } : {});
}

/**
 * The page's rows and its next cursor from `limit + 1` rows read after the cursor: the extra row
 * only says there is more. Page mode: no cursor.
 */
export function cursorPage<T>(paging: Paging, rows: T[], keyOf: (row: T) => readonly KeyPart[]): { items: T[]; nextCursor: string | null } {
  if (paging.mode === "page" || rows.length <= paging.limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, paging.limit);
  return { items, nextCursor: paging.next(keyOf(items[items.length - 1])) };
}

/** The answer's page and pageSize: paging by cursor, 1 for the first answer and 0 after a cursor. */
export function pageFields(paging: Paging): { page: number; pageSize: number } {
  if (paging.mode === "page") return { page: paging.page, pageSize: paging.pageSize };
  return { page: paging.after ? 0 : 1, pageSize: paging.limit };
}

/** The rows to read: the page (LIMIT, OFFSET), or by cursor one more than the limit from the keyset's start. */
export function rowWindow(paging: Paging): { limit: number; offset: number } {
  if (paging.mode === "page") return { limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize };
  return { limit: paging.limit + 1, offset: 0 };
}

/** The cursor's key, or null when paging by number or from the start. */
export const afterKey = (paging: Paging) => (paging.mode === "cursor" ? paging.after : null);

/**
 * Cursor paging of a list sorted in memory (mappings, people, tokens, views): the rows after the
 * cursor's key by the list's own comparison, `probe` turning the key back into a row-like value.
 * Page mode slices the page. Either way the answer's items, nextCursor, page and pageSize.
 */
export function pageInMemory<T, P>(
  paging: Paging,
  sorted: readonly T[],
  compare: (a: T | P, b: T | P) => number,
  keyOf: (row: T) => readonly KeyPart[],
  probe: (key: readonly KeyPart[]) => P,
): { items: T[]; nextCursor: string | null; page: number; pageSize: number } {
  const { limit, offset } = rowWindow(paging);
  const after = afterKey(paging);
  const last = after ? probe(after) : null;
  const start = last === null ? offset : sorted.findIndex((row) => compare(last, row) < 0);
  const rows = start < 0 ? [] : sorted.slice(start, start + limit);
  return { ...cursorPage(paging, rows, keyOf), ...pageFields(paging) };
}

/** Every item at once: what a list without pages answers its callers outside a request. */
export const wholeList = (): Paging => ({
  mode: "cursor",
  after: null,
  limit: Number.POSITIVE_INFINITY,
  next: () => {
    throw new Error("a whole list has no next page");
  },
});

/**
 * A Prisma `where` for the rows after a cursor whose key is (a timestamp, an id): `at` before (desc)
 * or after (asc) the key's, or equal with the id past it in `idOrder`. Empty without a cursor.
 */
export function afterTimestamp(paging: Paging, column: string, order: "asc" | "desc", idOrder: "asc" | "desc" = order) {
  const after = afterKey(paging);
  if (!after) return {};
  const at = new Date(String(after[0]));
  return {
    OR: [{ [column]: { [order === "asc" ? "gt" : "lt"]: at } }, { [column]: at, id: { [idOrder === "asc" ? "gt" : "lt"]: after[1] } }],
  };
}

/** Prisma's `take`: a whole list takes everything. */
export const takeOf = (paging: Paging) => {
  const { limit } = rowWindow(paging);
  return Number.isFinite(limit) ? limit : undefined;
};

/** Oldest first: by creation, then by id (the people, webhook endpoints and alert rules). */
export const OLDEST_FIRST = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** The Prisma read of a list oldest first, after the cursor: `where` (narrowed by `filter`), orderBy and take. */
export const oldestFirst = (paging: Paging, filter: object = {}) => ({
  where: { ...filter, ...afterTimestamp(paging, "createdAt", "asc") },
  orderBy: OLDEST_FIRST,
  take: takeOf(paging),
});

/** The page of rows keyed by (createdAt, id), and the cursor after its last one. */
export const createdPage = <T extends { createdAt: Date; id: string }>(paging: Paging, rows: T[]) =>
  cursorPage(paging, rows, (r) => [r.createdAt.toISOString(), r.id]);
