import { tokenCreateSchema, tokenKeyset } from "@/lib/contract/auth";
import { wholeListQuerySchema } from "@/lib/contract/cursor";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { createdIn, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The caller's own tokens; an admin sees everyone's. All of them unless a limit or cursor is sent. */
export const GET = route({ access: "viewer", query: wholeListQuerySchema }, async ({ req, query, principal }) =>
  listAnswer(req, await getRuntime().tokens.list(principal, readPaging(req, query, tokenKeyset(principal), { whole: true }))),
);

/** 201 with the secret, shown this once; the role is at most the caller's (403 otherwise). */
export const POST = route({ access: "viewer", body: tokenCreateSchema }, async ({ principal, body, actor }) =>
  createdIn("/api/tokens", await getRuntime().tokens.create(principal, body, actor)),
);
