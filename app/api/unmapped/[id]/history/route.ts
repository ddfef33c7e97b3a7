import { z } from "zod";
import { historyQuerySchema } from "@/lib/contract/audit";
import { idParamSchema } from "@/lib/contract/common";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ params: z.object({ id: idParamSchema }), query: historyQuerySchema }, async ({ params, query }) => {
  await getRuntime().triage.get(params.id); // 404 for an unknown market
  return getRuntime().audit.list({ ...query, entityType: "unmapped_market", entityId: String(params.id) });
});
