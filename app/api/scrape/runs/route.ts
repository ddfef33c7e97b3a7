import { runKeyset, scrapeRunListQuerySchema } from "@/lib/contract/scrape";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: scrapeRunListQuerySchema }, async ({ req, query }) =>
  listAnswer(req, await getRuntime().runs.list(readPaging(req, query, runKeyset))),
);
