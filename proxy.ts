// Runs before every page (not the API, not static files): gives the page its Content-Security-Policy
// with a fresh script nonce (lib/security/csp.ts); tells the server render which page was
// asked for (app/layout.tsx needs it to send a signed-out visitor to /sign-in?next=<it>), and sends
// a request with no session cookie at all straight to sign-in, client navigations included. Whether
// a cookie is still a valid session is decided by the layout's gate (server/http/page-access.ts).
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { isOpenPage, PAGE_PATH_HEADER, signInHref } from "@/lib/api/auth";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  // The router's cache-busting parameter of a client navigation is not part of the page asked for.
  url.searchParams.delete("_rsc");
  const path = url.pathname + url.search;
  if (!isOpenPage(path) && !getSessionCookie(request)) return NextResponse.redirect(new URL(signInHref(path), request.url));
  // Set, never appended: a client sending its own value for the header does not choose the shell.
  const headers = new Headers(request.headers);
  headers.set(PAGE_PATH_HEADER, path);
  // Next reads the nonce from the request's policy and puts it on every script it renders.
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: the API and Socket.IO answer 401 themselves; Next's assets and the icon are public.
  matcher: ["/((?!api/|socket\\.io/|_next/static/|_next/image/|icon\\.svg$|favicon\\.ico$).*)"],
};
