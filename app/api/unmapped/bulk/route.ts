import { bulkRequestSchema } from "@/lib/contract/unmapped";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

// A filter's assignee=me is the principal: the person, or a token's owner.
export const POST = route({ access: "triager", body: bulkRequestSchema }, ({ body, actor, principal }) =>
  getRuntime().bulk.run(body, actor, { userId: principal.userId }),
);
