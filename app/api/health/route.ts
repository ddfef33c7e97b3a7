import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async () => {
  const health = await getRuntime().health();
  return json(health, { status: health.status === "ok" ? 200 : 503 });
});
