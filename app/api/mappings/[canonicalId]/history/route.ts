import { historyQuerySchema } from "@/lib/contract/audit";
import { canonicalIdParamsSchema } from "@/lib/contract/mappings";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", params: canonicalIdParamsSchema, query: historyQuerySchema }, async ({ params, query }) => {
  await getRuntime().mappings.get(params.canonicalId); // 404 for a mapping that never existed
  return getRuntime().audit.list({ ...query, entityType: "mapping", entityId: params.canonicalId });
});
