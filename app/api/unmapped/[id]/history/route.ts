import { historyQuerySchema } from "@/lib/contract/audit";
import { idParamsSchema } from "@/lib/contract/common";
import { newestFirstKeyset } from "@/lib/contract/cursor";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", params: idParamsSchema, query: historyQuerySchema }, async ({ req, params, query }) => {
  await getRuntime().triage.get(params.id); // 404 for an unknown market
  const filter = { entityType: "unmapped_market" as const, entityId: String(params.id) };
  const paging = readPaging(req, query, newestFirstKeyset(filter));
  return listAnswer(req, await getRuntime().audit.list({ ...query, ...filter }, paging));
});
