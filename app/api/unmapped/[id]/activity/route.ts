import { activityQuerySchema } from "@/lib/contract/comments";
import { idParamsSchema } from "@/lib/contract/common";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", params: idParamsSchema, query: activityQuerySchema }, ({ params, query }) =>
  getRuntime().activity.list(params.id, query.page, query.pageSize),
);
