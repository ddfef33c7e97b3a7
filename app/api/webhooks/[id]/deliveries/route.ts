import { deliveryKeyset, deliveryListQuerySchema, webhookIdParamsSchema } from "@/lib/contract/webhooks";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route(
  { access: "admin", params: webhookIdParamsSchema, query: deliveryListQuerySchema },
  async ({ req, params, query }) =>
    listAnswer(req, await getRuntime().webhooks.deliveries(params.id, readPaging(req, query, deliveryKeyset(params.id)))),
);
