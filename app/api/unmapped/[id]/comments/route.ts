import { commentBodySchema, commentQuerySchema } from "@/lib/contract/comments";
import { idParamsSchema } from "@/lib/contract/common";
import { newestFirstKeyset } from "@/lib/contract/cursor";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", params: idParamsSchema, query: commentQuerySchema }, async ({ req, params, query }) =>
  listAnswer(req, await getRuntime().comments.list(params.id, readPaging(req, query, newestFirstKeyset({ market: params.id })))),
);

export const POST = route({ access: "triager", params: idParamsSchema, body: commentBodySchema }, async ({ params, body, principal }) => {
  const comment = await getRuntime().comments.create(params.id, body.body, principal);
  return json(comment, { status: 201, headers: { location: `/api/unmapped/${params.id}/comments/${comment.id}` } });
});
