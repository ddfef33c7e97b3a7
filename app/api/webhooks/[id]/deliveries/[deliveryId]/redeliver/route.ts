import { deliveryParamsSchema } from "@/lib/contract/webhooks";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** 202: queued again with the same webhook-id. */
export const POST = route({ access: "admin", params: deliveryParamsSchema }, async ({ params }) =>
  json(await getRuntime().webhooks.redeliver(params.id, params.deliveryId), { status: 202 }),
);
