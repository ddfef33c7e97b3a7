import { idParamSchema } from "@/lib/contract/common";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";
import { z } from "zod";

export const dynamic = "force-dynamic";

export const GET = route({ params: z.object({ id: idParamSchema }) }, ({ params }) => getRuntime().runs.get(params.id));
