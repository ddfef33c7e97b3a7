import { deliveryListQuerySchema, webhookIdParamsSchema } from "@/lib/contract/webhooks";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", params: webhookIdParamsSchema, query: deliveryListQuerySchema }, async ({ params, query }) => ({
  items: await getRuntime().webhooks.deliveries(params.id, query.limit),
}));
