// Who is asking for a page, for the server-rendered gate: whether the first admin still has to be
// created, and the signed-in person, resolved exactly as the API resolves them. The root layout
// asks on every full load; each page that reads data asks again (requirePerson), because a client
// navigation renders the page without rendering the layout again. Once per request (React cache).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { PAGE_PATH_HEADER, signInHref } from "@/lib/api/auth";
import type { Principal } from "@/lib/contract/auth";
import { getRuntime } from "../runtime";

export interface PageAccess {
  needsAdmin: boolean;
  /** Null when nobody is signed in (or the first admin does not exist yet). */
  principal: Principal | null;
  /** The page asked for ("/unmapped?status=NEW"), set by proxy.ts; null when it did not say. */
  path: string | null;
}

export const pageAccess = cache(async (): Promise<PageAccess> => {
  const requestHeaders = new Headers(await headers());
  const { auth } = getRuntime();
  const needsAdmin = (await auth.userCount()) === 0;
  const resolved = needsAdmin ? null : await auth.resolve(requestHeaders);
  // Pages are for people signed in with a session; a bearer token opens the API, not the app.
  const principal = resolved?.via === "cookie" ? resolved.principal : null;
  return { needsAdmin, principal, path: requestHeaders.get(PAGE_PATH_HEADER) };
});

/** The signed-in person; otherwise this render ends in a redirect to first run or to sign-in (and back). */
export async function requirePerson(): Promise<Principal> {
  const access = await pageAccess();
  if (access.needsAdmin) redirect("/setup");
  if (!access.principal) redirect(signInHref(access.path ?? "/unmapped"));
  return access.principal;
}
