import { tokenIdParamsSchema } from "@/lib/contract/auth";
import { noContent, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Revokes at once: the next request with it is 401 and its sockets are closed. Own tokens, or any for an admin. */
export const DELETE = route({ access: "viewer", params: tokenIdParamsSchema }, ({ principal, params, actor }) =>
  noContent(getRuntime().tokens.revoke(principal, params.tokenId, actor)),
);
