import { coverageAlertIdParamsSchema } from "@/lib/contract/coverage";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Resolves an open alert now, naming who dismissed it (in the mapping's history too); 409 when it is resolved already. */
export const POST = route({ access: "triager", params: coverageAlertIdParamsSchema }, ({ params, actor }) =>
  getRuntime().coverage.dismiss(params.id, actor),
);
