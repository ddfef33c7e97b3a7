import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Each rule's latest notification and what is pending, for the dashboard: every role reads it. */
export const GET = route({ access: "viewer" }, () => getRuntime().alertRules.firings());
