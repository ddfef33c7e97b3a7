import { wholeListQuerySchema } from "@/lib/contract/cursor";
import { peopleKeyset } from "@/lib/contract/views";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Enabled people for the assignee picker; every role may read it (no email or activity in it). All of them unless a limit or cursor is sent. */
export const GET = route({ access: "viewer", query: wholeListQuerySchema }, async ({ req, query }) =>
  listAnswer(req, await getRuntime().directory.list(readPaging(req, query, peopleKeyset, { whole: true }))),
);
