import { z } from "zod";
import { idParamSchema } from "@/lib/contract/common";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ params: z.object({ id: idParamSchema }) }, ({ params }) => getRuntime().candidates.forMarket(params.id));
