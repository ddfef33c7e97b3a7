import { idParamsSchema } from "@/lib/contract/common";
import { unmapMarketSchema } from "@/lib/contract/unmap";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const POST = route({ access: "triager", params: idParamsSchema, body: unmapMarketSchema }, ({ params, body, actor }) =>
  getRuntime().unmapMarket.apply(params.id, body, actor),
);
