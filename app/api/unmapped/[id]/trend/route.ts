import { idParamsSchema } from "@/lib/contract/common";
import { trendQuerySchema } from "@/lib/contract/unmapped";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", params: idParamsSchema, query: trendQuerySchema }, ({ params, query }) =>
  getRuntime().trend.trend(params.id, query.runs),
);
