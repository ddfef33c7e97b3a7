import { userCreateSchema } from "@/lib/contract/auth";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin" }, () => getRuntime().people.list());

/** Creates a person with a temporary password and a role (there is no email: hand the password over yourself). */
export const POST = route({ access: "admin", body: userCreateSchema }, async ({ body, actor }) => {
  const user = await getRuntime().people.create(body, actor);
  return json(user, { status: 201, headers: { location: `/api/users/${user.id}` } });
});
