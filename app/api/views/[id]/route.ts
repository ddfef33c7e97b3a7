import { savedViewPatchSchema, viewParamsSchema } from "@/lib/contract/views";
import { noContent, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const params = viewParamsSchema;

export const GET = route({ access: "viewer", params }, ({ params, principal }) => getRuntime().views.get(params.id, principal));

/** The owner, or an admin for a shared view (the service checks; someone else's personal view is 404). */
export const PATCH = route({ access: "viewer", params, body: savedViewPatchSchema }, ({ params, body, principal }) =>
  getRuntime().views.update(params.id, body, principal),
);

export const DELETE = route({ access: "viewer", params }, ({ params, principal }) =>
  noContent(getRuntime().views.delete(params.id, principal)),
);
