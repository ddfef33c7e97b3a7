import { alertRuleIdParamsSchema, alertRulePatchSchema } from "@/lib/contract/alert-rules";
import { noContent, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", params: alertRuleIdParamsSchema }, ({ params }) => getRuntime().alertRules.get(params.id));

export const PATCH = route({ access: "admin", params: alertRuleIdParamsSchema, body: alertRulePatchSchema }, ({ params, body, actor }) =>
  getRuntime().alertRules.patch(params.id, body, actor),
);

/** Deletes the rule with its chat endpoint; its pending markets are not notified. */
export const DELETE = route({ access: "admin", params: alertRuleIdParamsSchema }, ({ params, actor }) =>
  noContent(getRuntime().alertRules.remove(params.id, actor)),
);
