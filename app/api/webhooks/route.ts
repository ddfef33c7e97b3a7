import { wholeListQuerySchema } from "@/lib/contract/cursor";
import { webhookCreateSchema, webhookKeyset } from "@/lib/contract/webhooks";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { createdIn, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Every endpoint, oldest first, unless a limit or cursor is sent. */
export const GET = route({ access: "admin", query: wholeListQuerySchema }, async ({ req, query }) =>
  listAnswer(req, await getRuntime().webhooks.list(readPaging(req, query, webhookKeyset, { whole: true }))),
);

/** 201 with the signing secret, shown this once. */
export const POST = route({ access: "admin", body: webhookCreateSchema }, async ({ body, actor }) =>
  createdIn("/api/webhooks", await getRuntime().webhooks.create(body, actor)),
);
