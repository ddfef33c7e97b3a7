import { scrapeTriggerQuerySchema } from "@/lib/contract/scrape";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** 202 { runId } at once, or with ?wait=true 200 and the finished run; 409 while a run is going. */
export const POST = route({ access: "admin", query: scrapeTriggerQuerySchema }, async ({ query }) => {
  const { runId, done } = await getRuntime().scrape.trigger("manual");
  if (query.wait) return json(await done);
  return json({ runId }, { status: 202, headers: { location: `/api/scrape/runs/${runId}` } });
});
