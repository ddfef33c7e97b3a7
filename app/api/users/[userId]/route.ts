import { userIdParamsSchema, userPatchSchema } from "@/lib/contract/auth";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Role, disabled (takes effect at once) and password reset; 409 when it would leave no active admin. */
export const PATCH = route({ access: "admin", params: userIdParamsSchema, body: userPatchSchema }, ({ principal, params, body, actor }) =>
  getRuntime().people.patch(principal, params.userId, body, actor),
);
