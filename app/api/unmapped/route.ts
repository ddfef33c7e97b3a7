import { unmappedListQuerySchema } from "@/lib/contract/unmapped";
import { unmappedKeyset } from "@/lib/contract/unmapped-export";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

// assignee=me is the principal: the person, or a token's owner.
export const GET = route({ access: "viewer", query: unmappedListQuerySchema }, async ({ req, query, principal }) => {
  const paging = readPaging(req, query, unmappedKeyset(query, principal.userId));
  return listAnswer(req, await getRuntime().triage.list(query, { userId: principal.userId }, paging));
});
