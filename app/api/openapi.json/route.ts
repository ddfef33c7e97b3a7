import { openApiDocument } from "@/lib/contract/openapi";
import { json, route } from "@/server/http/route";

export const dynamic = "force-dynamic";

// Like every other route it needs a signed-in caller (tools send their token); private, so no
// shared cache hands it to someone without one.
export const GET = route({ access: "viewer" }, () => json(openApiDocument(), { headers: { "cache-control": "private, max-age=60" } }));
