import { setupBodySchema } from "@/lib/contract/auth";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Public: whether the first admin still has to be created. */
export const GET = route({ access: "public" }, async () => ({ needsAdmin: (await getRuntime().auth.userCount()) === 0 }));

/** Public while no one exists: creates the first admin and signs them in; 409 afterwards. */
export const POST = route({ access: "public", body: setupBodySchema }, async ({ req, body }) => {
  const { auth } = getRuntime();
  await auth.createFirstAdmin(body, "setup");
  const cookies = await auth.signIn(body.email, body.password, req.headers);
  const resolved = await auth.resolve(new Headers({ cookie: cookies.map((c) => c.split(";", 1)[0]).join("; ") }));
  const res = json(resolved?.principal ?? null, { status: 201 });
  for (const c of cookies) res.headers.append("set-cookie", c);
  return res;
});
