import { mappingDeleteQuerySchema, mappingPatchSchema, canonicalIdParamsSchema } from "@/lib/contract/mappings";
import { etagOf, ifMatchVersion } from "@/server/http/etag";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const params = canonicalIdParamsSchema;
const withEtag = (m: { version: number | null }): Record<string, string> => (m.version === null ? {} : { etag: etagOf(m.version) });

export const GET = route({ access: "viewer", params }, async ({ params }) => {
  const mapping = await getRuntime().mappings.get(params.canonicalId);
  return json(mapping, { headers: withEtag(mapping) });
});

export const PATCH = route({ access: "triager", params, body: mappingPatchSchema }, async ({ req, params, body, actor }) => {
  const mapping = await getRuntime().mappings.update(params.canonicalId, body, actor, ifMatchVersion(req));
  return json(mapping, { headers: withEtag(mapping) });
});

/** Deactivates the user mapping; answers with what applies now (the built-in entry, if any). */
export const DELETE = route({ access: "triager", params, query: mappingDeleteQuerySchema }, ({ params, query, actor }) =>
  getRuntime().mappings.deactivate(params.canonicalId, query.reason ?? null, actor),
);
