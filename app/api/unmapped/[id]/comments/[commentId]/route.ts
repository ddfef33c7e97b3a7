import { commentBodySchema, commentParamsSchema } from "@/lib/contract/comments";
import { noContent, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const params = commentParamsSchema;

export const GET = route({ access: "viewer", params }, ({ params }) => getRuntime().comments.get(params.id, params.commentId));

/** Its author (a token: its owner) or an admin; 403 for anyone else. */
export const PATCH = route({ access: "triager", params, body: commentBodySchema }, ({ params, body, principal }) =>
  getRuntime().comments.update(params.id, params.commentId, body.body, principal),
);

export const DELETE = route({ access: "triager", params }, ({ params, principal }) =>
  noContent(getRuntime().comments.delete(params.id, params.commentId, principal)),
);
