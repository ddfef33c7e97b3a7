import { webhookIdParamsSchema } from "@/lib/contract/webhooks";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** 202: a webhook.test event queued for this endpoint. */
export const POST = route({ access: "admin", params: webhookIdParamsSchema }, async ({ params }) =>
  json(await getRuntime().webhooks.sendTest(params.id), { status: 202 }),
);
