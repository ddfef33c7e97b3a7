// Saved views: a named list query (filters and sort), personal or shared with everyone.
import { z } from "zod";
import { idParamsSchema, requestBody, timestampsShape } from "./common";
import { listOf, type Keyset } from "./cursor";
import { personRefSchema, unmappedListQuerySchema } from "./unmapped";

const VIEW_NAME_MAX = 60;
export const VIEWS_PER_PERSON_MAX = 50;

/**
 * The list query as its URL carries it (`status=NEW,ACKNOWLEDGED&assignee=me&sort=priority`):
 * one string, or a list of strings, per parameter. Checked against the list's own query schema,
 * so a view can only hold what the list understands; page is not kept.
 */
export const viewQuerySchema = z
  .record(z.string(), z.union([z.string().max(200), z.array(z.string().max(200)).max(10)]))
  .superRefine((q, ctx) => {
    for (const key of ["page", "cursor", "limit"])
      if (key in q) ctx.addIssue({ code: "custom", message: "a view keeps filters and sort, not a page", path: [key] });
    const parsed = unmappedListQuerySchema.safeParse(q);
    if (!parsed.success)
      for (const i of parsed.error.issues) {
        // An unknown parameter is named in the path, so the answer points at body.query.<name>.
        if (i.code === "unrecognized_keys")
          for (const key of i.keys) ctx.addIssue({ code: "custom", message: "not a list query parameter", path: [key] });
        else ctx.addIssue({ code: "custom", message: i.message, path: i.path });
      }
  })
  .describe("List query parameters (GET /api/unmapped), without page")
  .meta({ id: "ViewQuery" });
export type ViewQuery = z.infer<typeof viewQuerySchema>;

const viewNameSchema = z.string().trim().min(1, "A view needs a name").max(VIEW_NAME_MAX, `At most ${VIEW_NAME_MAX} characters`);

export const savedViewSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    query: viewQuerySchema,
    shared: z.boolean().describe("Shared views are listed for everyone; only the owner and admins change them"),
    owner: personRefSchema,
    mine: z.boolean().describe("Whether whoever asks owns it"),
    count: z.number().int().describe("Markets it shows now (counted up to 10,000 for searches, see countCapped)"),
    countCapped: z.boolean(),
    ...timestampsShape,
  })
  .meta({ id: "SavedView" });
export type SavedView = z.infer<typeof savedViewSchema>;

/** One's own views first, then by creation and id; whose "own" they are is the filter. */
export const viewKeyset = (userId: string): Keyset => ({
  sort: "mine,createdAt:asc",
  filters: { viewer: userId },
  kinds: ["bool", "timestamp", "int"],
});
export const savedViewListSchema = listOf(savedViewSchema).meta({ id: "SavedViewList" });
export type SavedViewList = z.infer<typeof savedViewListSchema>;

export const savedViewCreateSchema = requestBody("SavedViewCreate", {
  name: viewNameSchema,
  query: viewQuerySchema,
  shared: z.boolean().default(false),
});
export type SavedViewCreate = z.infer<typeof savedViewCreateSchema>;

export const savedViewPatchSchema = requestBody("SavedViewPatch", {
  name: viewNameSchema.optional(),
  query: viewQuerySchema.optional(),
  shared: z.boolean().optional(),
});
export type SavedViewPatch = z.infer<typeof savedViewPatchSchema>;

export const viewParamsSchema = idParamsSchema;

/** GET /api/people: who can be assigned (every enabled person), for pickers. */
/** People by name, then id. */
export const peopleKeyset: Keyset = { sort: "name:asc", filters: {}, kinds: ["text", "text"] };
export const peopleSchema = listOf(personRefSchema.extend({ role: z.string() })).meta({ id: "People" });
export type People = z.infer<typeof peopleSchema>;
