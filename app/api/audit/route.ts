import { auditQuerySchema } from "@/lib/contract/audit";
import { newestFirstKeyset } from "@/lib/contract/cursor";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: auditQuerySchema }, async ({ req, query }) => {
  const { entityType, entityId, action, actor, actorType, actorId } = query;
  const paging = readPaging(req, query, newestFirstKeyset({ entityType, entityId, action, actor, actorType, actorId }));
  return listAnswer(req, await getRuntime().audit.list(query, paging));
});
