import { idParamsSchema } from "@/lib/contract/common";
import { unmappedPatchSchema } from "@/lib/contract/unmapped";
import { etagOf, ifMatchVersion } from "@/server/http/etag";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const params = idParamsSchema;

export const GET = route({ access: "viewer", params }, async ({ params }) => {
  const market = await getRuntime().triage.get(params.id);
  return json(market, { headers: { etag: etagOf(market.version) } });
});

export const PATCH = route({ access: "triager", params, body: unmappedPatchSchema }, async ({ req, params, body, actor }) => {
  const market = await getRuntime().triage.update(params.id, body, actor, ifMatchVersion(req));
  return json(market, { headers: { etag: etagOf(market.version) } });
});
