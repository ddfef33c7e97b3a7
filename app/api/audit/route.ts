import { auditQuerySchema } from "@/lib/contract/audit";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: auditQuerySchema }, ({ query }) => getRuntime().audit.list(query));
