import { alertRuleCreateSchema, alertRuleKeyset } from "@/lib/contract/alert-rules";
import { wholeListQuerySchema } from "@/lib/contract/cursor";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { createdIn, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Every rule, oldest first, unless a limit or cursor is sent. */
export const GET = route({ access: "admin", query: wholeListQuerySchema }, async ({ req, query }) =>
  listAnswer(req, await getRuntime().alertRules.list(readPaging(req, query, alertRuleKeyset, { whole: true }))),
);

export const POST = route({ access: "admin", body: alertRuleCreateSchema }, async ({ body, actor }) =>
  createdIn("/api/alert-rules", await getRuntime().alertRules.create(body, actor)),
);
