import { historyQuerySchema } from "@/lib/contract/audit";
import { idParamsSchema } from "@/lib/contract/common";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", params: idParamsSchema, query: historyQuerySchema }, async ({ params, query }) => {
  await getRuntime().triage.get(params.id); // 404 for an unknown market
  return getRuntime().audit.list({ ...query, entityType: "unmapped_market", entityId: String(params.id) });
});
