import { mappingCreateSchema, mappingListQuerySchema } from "@/lib/contract/mappings";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ query: mappingListQuerySchema }, ({ query }) => getRuntime().mappings.list(query));

export const POST = route({ body: mappingCreateSchema }, async ({ body }) => {
  const mapping = await getRuntime().mappings.create(body);
  return json(mapping, { status: 201, headers: { location: `/api/mappings/${mapping.canonicalId}` } });
});
