import { openApiDocument } from "@/lib/contract/openapi";
import { json, route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, () => json(openApiDocument(), { headers: { "cache-control": "public, max-age=60" } }));
