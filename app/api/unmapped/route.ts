import { unmappedListQuerySchema } from "@/lib/contract/unmapped";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

// assignee=me is the principal: the person, or a token's owner.
export const GET = route({ access: "viewer", query: unmappedListQuerySchema }, ({ query, principal }) =>
  getRuntime().triage.list(query, { userId: principal.userId }),
);
