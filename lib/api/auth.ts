// Signing in and out (better-auth's own endpoints under /api/auth), who is signed in, and the
// first admin. Everything goes through apiFetch, so a refusal is an ApiError like any other.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { principalSchema, setupStateSchema, type SetupBody } from "@/lib/contract/auth";
import { isApiError } from "./errors";
import { apiFetch } from "./fetch";
import { keys } from "./keys";

// better-auth answers sign-in with the session's user (and more); only success matters here, the
// session itself travels in its HttpOnly cookie.
const signedInSchema = z.looseObject({});

export const authApi = {
  signIn: (email: string, password: string) =>
    apiFetch(signedInSchema, "/api/auth/sign-in/email", { method: "POST", body: { email, password, rememberMe: true } }),
  /** Ends the session; its cookie is cleared by the answer. */
  signOut: () => apiFetch(signedInSchema, "/api/auth/sign-out", { method: "POST", body: {} }),
  me: (signal?: AbortSignal) => apiFetch(principalSchema, "/api/me", { signal }),
  setupState: (signal?: AbortSignal) => apiFetch(setupStateSchema, "/api/setup", { signal }),
  /** Creates the first admin and signs them in (only while nobody exists; 409 after). */
  setup: (body: SetupBody) => apiFetch(z.unknown(), "/api/setup", { method: "POST", body }),
};

export const authQueries = {
  me: () => queryOptions({ queryKey: keys.auth.me, queryFn: ({ signal }) => authApi.me(signal) }),
};

/** Pages outside the app shell, open to everyone. */
const OPEN_PAGES = ["/sign-in", "/setup"];

/** Whether `path` ("/sign-in?next=…") is a page outside the app shell. */
export const isOpenPage = (path: string): boolean =>
  OPEN_PAGES.some((p) => path === p || path.startsWith(`${p}?`) || path.startsWith(`${p}/`));

/** Set by proxy.ts on every page request: the path and query asked for, to come back to after signing in. */
export const PAGE_PATH_HEADER = "x-market-triage-path";

/** `next` when it is a path of this site ("/unmapped?x=1"), else the default page. */
export function safeNext(next: string | null | undefined): string {
  // "//host" and "/\host" are other sites to a browser; only a single leading slash stays here.
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/unmapped";
  if ([...next].some((c) => c.charCodeAt(0) < 32)) return "/unmapped";
  return isOpenPage(next) ? "/unmapped" : next;
}

/** The sign-in page, coming back to `path` afterwards. */
export const signInHref = (path: string) => `/sign-in?${new URLSearchParams({ next: safeNext(path) })}`;

/**
 * The session ended (expired, signed out in another tab, the person was disabled): a full load of
 * the sign-in page, coming back here afterwards. Browser only.
 */
export function toSignIn(): void {
  const { pathname, search } = window.location;
  // The sign-in and first-run forms show their own 401s (a wrong password is one).
  if (isOpenPage(pathname)) return;
  window.location.assign(signInHref(pathname + search));
}

/** For the query client: any request answered 401 means the session is gone. */
export function onRequestError(error: unknown): void {
  if (isApiError(error) && error.status === 401) toSignIn();
}
