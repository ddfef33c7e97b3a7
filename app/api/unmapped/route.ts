import { unmappedListQuerySchema } from "@/lib/contract/unmapped";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: unmappedListQuerySchema }, ({ query }) => getRuntime().triage.list(query));
