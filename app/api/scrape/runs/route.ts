import { scrapeRunListQuerySchema } from "@/lib/contract/scrape";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: scrapeRunListQuerySchema }, async ({ query }) => ({
  items: await getRuntime().runs.list(query.limit),
}));
