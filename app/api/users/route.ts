import { userCreateSchema, userKeyset } from "@/lib/contract/auth";
import { wholeListQuerySchema } from "@/lib/contract/cursor";
import { listAnswer, readPaging } from "@/server/http/cursor";
import { createdIn, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Everyone, oldest first: all of them unless a limit or cursor is sent. */
export const GET = route({ access: "admin", query: wholeListQuerySchema }, async ({ req, query }) =>
  listAnswer(req, await getRuntime().people.list(readPaging(req, query, userKeyset, { whole: true }))),
);

/** Creates a person with a temporary password and a role (there is no email: hand the password over yourself). */
export const POST = route({ access: "admin", body: userCreateSchema }, async ({ body, actor }) =>
  createdIn("/api/users", await getRuntime().people.create(body, actor)),
);
