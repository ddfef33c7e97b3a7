import { webhookCreateSchema } from "@/lib/contract/webhooks";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin" }, async () => ({ items: await getRuntime().webhooks.list() }));

/** 201 with the signing secret, shown this once. */
export const POST = route({ access: "admin", body: webhookCreateSchema }, async ({ body, actor }) => {
  const created = await getRuntime().webhooks.create(body, actor);
  return json(created, { status: 201, headers: { location: `/api/webhooks/${created.id}` } });
});
