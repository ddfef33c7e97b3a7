// Who is asking for a page, for the app's server-rendered gate (app/layout.tsx and the sign-in and
// first-run pages): whether the first admin still has to be created, and the signed-in person,
// resolved exactly as the API resolves them.
import { PAGE_PATH_HEADER } from "@/lib/api/auth";
import type { Principal } from "@/lib/contract/auth";
import { getRuntime } from "../runtime";

export interface PageAccess {
  needsAdmin: boolean;
  /** Null when nobody is signed in (or the first admin does not exist yet). */
  principal: Principal | null;
  /** The page asked for ("/unmapped?status=NEW"); null when the proxy did not say. */
  path: string | null;
}

export async function pageAccess(requestHeaders: Headers): Promise<PageAccess> {
  const { auth } = getRuntime();
  const needsAdmin = (await auth.userCount()) === 0;
  const resolved = needsAdmin ? null : await auth.resolve(requestHeaders);
  // Pages are for people signed in with a session; a bearer token opens the API, not the app.
  const principal = resolved?.via === "cookie" ? resolved.principal : null;
  return { needsAdmin, principal, path: requestHeaders.get(PAGE_PATH_HEADER) };
}
