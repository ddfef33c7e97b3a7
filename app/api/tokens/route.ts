import { tokenCreateSchema } from "@/lib/contract/auth";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The caller's own tokens; an admin sees everyone's. */
export const GET = route({ access: "viewer" }, ({ principal }) => getRuntime().tokens.list(principal));

/** 201 with the secret, shown this once; the role is at most the caller's (403 otherwise). */
export const POST = route({ access: "viewer", body: tokenCreateSchema }, async ({ principal, body, actor }) => {
  const created = await getRuntime().tokens.create(principal, body, actor);
  return json(created, { status: 201, headers: { location: `/api/tokens/${created.id}` } });
});
