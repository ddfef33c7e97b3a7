import { z } from "zod";
import { idParamSchema } from "@/lib/contract/common";
import { mapMarketSchema } from "@/lib/contract/mappings";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const POST = route({ params: z.object({ id: idParamSchema }), body: mapMarketSchema }, ({ params, body }) =>
  getRuntime().mapMarket.apply(params.id, body),
);
