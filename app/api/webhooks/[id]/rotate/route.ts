import { webhookIdParamsSchema } from "@/lib/contract/webhooks";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** A new secret, shown this once; the previous one keeps signing beside it for 24 h. */
export const POST = route({ access: "admin", params: webhookIdParamsSchema }, ({ params, actor }) =>
  getRuntime().webhooks.rotate(params.id, actor),
);
