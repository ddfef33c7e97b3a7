import { wholeListQuerySchema } from "@/lib/contract/cursor";
import { savedViewCreateSchema, viewKeyset } from "@/lib/contract/views";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { createdIn, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** One's own views, then the shared ones: all of them unless a limit or cursor is sent. */
export const GET = route({ access: "viewer", query: wholeListQuerySchema }, async ({ req, query, principal }) =>
  listAnswer(req, await getRuntime().views.list(principal, readPaging(req, query, viewKeyset(principal.userId), { whole: true }))),
);

/** Personal views for everyone; shared ones need the triager role (checked by the service). */
export const POST = route({ access: "viewer", body: savedViewCreateSchema }, async ({ body, principal }) =>
  createdIn("/api/views", await getRuntime().views.create(body, principal)),
);
