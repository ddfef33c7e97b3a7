import { historyQuerySchema } from "@/lib/contract/audit";
import { newestFirstKeyset } from "@/lib/contract/cursor";
import { canonicalIdParamsSchema } from "@/lib/contract/mappings";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route(
  { access: "viewer", params: canonicalIdParamsSchema, query: historyQuerySchema },
  async ({ req, params, query }) => {
    await getRuntime().mappings.get(params.canonicalId); // 404 for a mapping that never existed
    const filter = { entityType: "mapping" as const, entityId: params.canonicalId };
    const paging = readPaging(req, query, newestFirstKeyset(filter));
    return listAnswer(req, await getRuntime().audit.list({ ...query, ...filter }, paging));
  },
);
