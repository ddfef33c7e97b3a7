import { mappingCreateSchema, mappingKeyset, mappingListQuerySchema } from "@/lib/contract/mappings";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: mappingListQuerySchema }, async ({ req, query }) =>
  listAnswer(req, await getRuntime().mappings.list(query, readPaging(req, query, mappingKeyset(query)))),
);

export const POST = route({ access: "triager", body: mappingCreateSchema }, async ({ body, actor }) => {
  const mapping = await getRuntime().mappings.create(body, actor);
  return json(mapping, { status: 201, headers: { location: `/api/mappings/${mapping.canonicalId}` } });
});
