import { activityKeyset, activityQuerySchema } from "@/lib/contract/comments";
import { idParamsSchema } from "@/lib/contract/common";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", params: idParamsSchema, query: activityQuerySchema }, async ({ req, params, query }) =>
  listAnswer(req, await getRuntime().activity.list(params.id, readPaging(req, query, activityKeyset(params.id)))),
);
