"use client";
// Who is signed in, as the app shell's server render found it (hydrated under keys.auth.me), and
// what they may do. Pages outside the shell (sign-in, first run) have no principal.
import { useQuery } from "@tanstack/react-query";
import { can, type Action } from "@/lib/access";
import { authQueries } from "@/lib/api/auth";
import type { Principal } from "@/lib/contract/auth";

export function usePrincipal(): Principal | null {
  // The shell's render put it in the cache; it changes only by signing in or out (a full load).
  const me = useQuery({ ...authQueries.me(), staleTime: Infinity, enabled: false });
  return me.data ?? null;
}

/** Whether the signed-in person may do `action` (false while nobody is). */
export function useCan(action: Action): boolean {
  return can(usePrincipal()?.role, action);
}
