import { z } from "zod";
import { cursorQueryShape, nextCursorSchema } from "./cursor";

/** ISO 8601 UTC timestamp with a `Z`, e.g. 2026-11-26T05:36:25.123Z. */
export const timestampSchema = z.iso.datetime().describe("ISO 8601 UTC timestamp ending in Z");

/** An absolute http(s) URL, as webhook endpoints and chat incoming webhooks take. */
export const httpUrlSchema = z
  .string()
  .trim()
  .max(2_000, "At most 2,000 characters")
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "Must be an http:// or https:// URL");

/** When a stored thing was created and last changed (endpoints, rules, views). */
export const timestampsShape = { createdAt: timestampSchema, updatedAt: timestampSchema };

/** A request body: its fields, strict (an unknown field is a 400 naming it), named in the OpenAPI document. */
export const requestBody = <S extends z.ZodRawShape>(id: string, shape: S) => z.object(shape).strict().meta({ id });

/** A database id in a path: digits only, else the resource simply does not exist (404). */
export const idParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647));

/** The path of a route under a numeric id: /api/unmapped/{id}, /api/scrape/runs/{id}. */
export const idParamsSchema = z.object({ id: idParamSchema.meta({ description: "The id (digits); anything else names nothing: 404" }) });

export const problemSchema = z
  .object({
    type: z.string().describe("A URI naming the problem type"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string().describe("Dotted path of the offending field, e.g. query.pageSize"), message: z.string() }))
      .optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details; errors[] names each offending field" });

/** The largest page a list answers (pageSize). */
export const PAGE_SIZE_MAX = 200;

/** Two ways to page a list: by number (page, pageSize) or by cursor (cursor, limit); one request uses one. */
export const pageQueryShape = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe("1-based page number"),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50).describe(`Items per page, 1-${PAGE_SIZE_MAX}`),
  ...cursorQueryShape,
};

/** Counting matches of an arbitrary filter (a search) stops here; beyond it the total is "10,000+". */
export const TOTAL_CAP = 10_000;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe("Items matching the filters, over all pages"),
    page: z
      .number()
      .int()
      .min(0)
      .describe("The page number; paging by cursor it is 1 for the first answer and 0 after a cursor (a position it does not count)"),
    pageSize: z.number().int().describe("Items per page (the limit when paging by cursor)"),
    nextCursor: nextCursorSchema,
  });
}

/**
 * A page whose total may be capped: counting every match of a search over a large table costs as
 * much as reading it, so such a count stops at TOTAL_CAP and says so.
 */
export function cappedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({
    total: z
      .number()
      .int()
      .describe(`Items matching the filters, over all pages: exact when totalCapped is false, else at least ${TOTAL_CAP}`),
    totalCapped: z
      .boolean()
      .describe(
        `true when more than ${TOTAL_CAP} items match a filter that is counted by reading rows (q, minOccurrences); total is then ${TOTAL_CAP}`,
      ),
  });
}

/** Why a change was made, as people write it; kept in the history. */
export const reasonTextSchema = z.string().trim().max(500, "reason can be at most 500 characters");
