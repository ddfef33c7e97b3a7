import { mappingDeleteQuerySchema, mappingPatchSchema, canonicalIdParamsSchema } from "@/lib/contract/mappings";
import { etagOf, ifMatchVersion } from "@/server/http/etag";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const params = canonicalIdParamsSchema;
const withEtag = (m: { version: number | null }): Record<string, string> => (m.version === null ? {} : { etag: etagOf(m.version) });

export const GET = route({ params }, async ({ params }) => {
  const mapping = await getRuntime().mappings.get(params.canonicalId);
  return json(mapping, { headers: withEtag(mapping) });
});

export const PATCH = route({ params, body: mappingPatchSchema }, async ({ req, params, body }) => {
  const mapping = await getRuntime().mappings.update(params.canonicalId, body, ifMatchVersion(req));
  return json(mapping, { headers: withEtag(mapping) });
});

/** Deactivates the user mapping; answers with what applies now (the built-in entry, if any). */
export const DELETE = route({ params, query: mappingDeleteQuerySchema }, ({ params, query }) =>
  getRuntime().mappings.deactivate(params.canonicalId, query.reason ?? null),
);
