import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Enabled people for the assignee picker; every role may read it (no email or activity in it). */
export const GET = route({ access: "viewer" }, () => getRuntime().directory.list());
