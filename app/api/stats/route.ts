import { statsQuerySchema } from "@/lib/contract/stats";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: statsQuerySchema }, ({ query }) => getRuntime().stats.get(query.runs));
