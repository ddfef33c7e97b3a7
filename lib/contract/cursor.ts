// Cursor paging, shared by every list: what a client sends (`cursor`, `limit`), what a list answers
// (`nextCursor`, and a `Link: <…>; rel="next"` header), and what an opaque cursor holds once decoded.
// A cursor is base64url of JSON: the list's sort (`s`), a hash of its normalized filters (`f`), and
// the sort key of the last row sent, its id last (`k`): the next page is the rows after that key in
// the sort's order (keyset), so rows inserted meanwhile never shift a page and nothing is read twice.
// The server builds and reads them (server/http/cursor.ts); this file only says what they hold.
import { z } from "zod";

const CURSOR_MAX_LENGTH = 2000;
export const CURSOR_LIMIT_DEFAULT = 50;

export const cursorQueryShape = {
  cursor: z
    .string()
    .min(1)
    .max(CURSOR_MAX_LENGTH)
    .optional()
    .describe(
      "Opaque: the nextCursor of the previous answer (or its Link rel=next). Only valid with the same filters and sort; not together with page/pageSize",
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .describe(`Items per answer when paging by cursor, 1-200 (default ${CURSOR_LIMIT_DEFAULT}); not together with page/pageSize`),
};

/** One element of a sort key: a number, a text (timestamps as ISO text), a yes/no, or null. */
const keyPartSchema = z.union([z.number(), z.string().max(1000), z.boolean(), z.null()]);
export type KeyPart = z.infer<typeof keyPartSchema>;

/** A decoded cursor. Every list checks `s` and `f` against the request and each key part against its column's kind. */
export const cursorPayloadSchema = z
  .object({
    v: z.literal(1),
    s: z.string().min(1).max(100),
    f: z.string().regex(/^[0-9a-f]{16}$/),
    k: z.array(keyPartSchema).min(1).max(4),
  })
  .strict();
export type CursorPayload = z.infer<typeof cursorPayloadSchema>;

/** What one element of a list's sort key is, so a cursor's key is checked before it reaches SQL. */
export type KeyKind = "int" | "float" | "timestamp" | "text" | "text?" | "bool" | "uuid" | "digits" | readonly string[];

const KEY_SCHEMAS = {
  int: z.number().int().min(-2_147_483_648).max(2_147_483_647),
  float: z.number(),
  timestamp: z.iso.datetime(),
  text: z.string(),
  "text?": z.string().nullable(),
  bool: z.boolean(),
  // Checked before SQL casts them: a tampered key is a 400, never a database error.
  uuid: z.uuid(),
  /** A bigint id sent as text (a JSON number would lose digits past 2^53). */
  digits: z.string().regex(/^[1-9][0-9]{0,17}$/),
} as const;

/** What a list's cursor is made for: a cursor made for another sort or other filters is refused. */
export interface Keyset {
  /** The sort and its direction, e.g. "lastSeenAt:desc". */
  sort: string;
  /** The list's filters, normalized (a set of values sorted, `me` resolved): bound to the cursor by a hash. */
  filters: Record<string, unknown>;
  /** The kind of each part of the sort key, the row's id last. */
  kinds: readonly KeyKind[];
}

export function keyPartSchemaOf(kind: KeyKind): z.ZodType {
  return typeof kind === "string" ? KEY_SCHEMAS[kind] : z.enum(kind as [string, ...string[]]);
}

export const nextCursorSchema = z
  .string()
  .nullable()
  .describe("The cursor of the next answer (also in the Link header, rel=next); null at the end, and when paging by page/pageSize");

/** The keyset of a list ordered newest first by (createdAt, id): the audit trail, histories, comments. */
export const newestFirstKeyset = (filters: Record<string, unknown>): Keyset => ({
  sort: "createdAt:desc",
  filters,
  kinds: ["timestamp", "int"],
});

/** The keyset of a list ordered oldest first by (createdAt, uuid id): webhook endpoints, alert rules. */
export const oldestFirstKeyset: Keyset = { sort: "createdAt:asc", filters: {}, kinds: ["timestamp", "uuid"] };

/** The query of a list that answers all its items unless a limit or a cursor is sent (people, tokens, users, views). */
export const wholeListQuerySchema = z.object(cursorQueryShape).strict();

/** A list answer with its next cursor. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: nextCursorSchema });
