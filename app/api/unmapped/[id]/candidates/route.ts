import { idParamsSchema } from "@/lib/contract/common";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", params: idParamsSchema }, ({ params }) => getRuntime().candidates.forMarket(params.id));
