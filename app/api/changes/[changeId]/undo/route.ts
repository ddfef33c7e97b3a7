import { changeParamsSchema } from "@/lib/contract/unmapped";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const POST = route({ access: "triager", params: changeParamsSchema }, ({ params, actor }) =>
  getRuntime().undo.undo(params.changeId, actor),
);
