import { webhookIdParamsSchema, webhookPatchSchema } from "@/lib/contract/webhooks";
import { noContent, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", params: webhookIdParamsSchema }, ({ params }) => getRuntime().webhooks.get(params.id));

export const PATCH = route({ access: "admin", params: webhookIdParamsSchema, body: webhookPatchSchema }, ({ params, body, actor }) =>
  getRuntime().webhooks.update(params.id, body, actor),
);

/** Deletes the endpoint and its delivery log; nothing more is sent to it. */
export const DELETE = route({ access: "admin", params: webhookIdParamsSchema }, ({ params, actor }) =>
  noContent(getRuntime().webhooks.remove(params.id, actor)),
);
