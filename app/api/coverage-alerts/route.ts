import { coverageKeyset, coverageListQuerySchema } from "@/lib/contract/coverage";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Open alerts by default, newest first, paged by cursor. */
export const GET = route({ access: "viewer", query: coverageListQuerySchema }, async ({ req, query }) =>
  listAnswer(req, await getRuntime().coverage.list(query.status, readPaging(req, query, coverageKeyset(query.status)))),
);
