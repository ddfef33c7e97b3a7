import { savedViewCreateSchema } from "@/lib/contract/views";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer" }, ({ principal }) => getRuntime().views.list(principal));

/** Personal views for everyone; shared ones need the triager role (checked by the service). */
export const POST = route({ access: "viewer", body: savedViewCreateSchema }, async ({ body, principal }) => {
  const view = await getRuntime().views.create(body, principal);
  return json(view, { status: 201, headers: { location: `/api/views/${view.id}` } });
});
