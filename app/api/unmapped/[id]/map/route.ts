import { z } from "zod";
import { idParamSchema } from "@/lib/contract/common";
import { mapMarketSchema } from "@/lib/contract/mappings";
import { route } from "@/server/http/route";
import { mapMarket } from "@/server/mapping/map-market";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const POST = route({ params: z.object({ id: idParamSchema }), body: mapMarketSchema }, ({ params, body }) => {
  const { mappings, triage } = getRuntime();
  return mapMarket(mappings, triage, params.id, body);
});
