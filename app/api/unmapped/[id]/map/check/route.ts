import { idParamsSchema } from "@/lib/contract/common";
import { mapMarketSchema } from "@/lib/contract/mappings";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const POST = route({ access: "triager", params: idParamsSchema, body: mapMarketSchema }, ({ params, body }) =>
  getRuntime().mapMarket.check(params.id, body),
);
