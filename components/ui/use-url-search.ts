"use client";
import { useSearchParams } from "next/navigation";
import { useMemo, useSyncExternalStore } from "react";

function onHistory(notify: () => void) {
  window.addEventListener("popstate", notify);
  return () => window.removeEventListener("popstate", notify);
}

/**
 * The address bar's query string. Next's useSearchParams alone can lag the address bar: two Back
 * presses in quick succession left the list showing the previous view under the new URL (its
 * router handles the second traversal while the first is still committing). Reading the location
 * itself, refreshed on every popstate and on every Next navigation, keeps a view equal to its URL;
 * on the server and while hydrating it is Next's own value.
 */
export function useUrlSearchParams(): URLSearchParams {
  const nextParams = useSearchParams();
  const search = useSyncExternalStore(
    onHistory,
    () => window.location.search,
    () => null,
  );
  return useMemo(
    () => (search === null ? new URLSearchParams(nextParams.toString()) : new URLSearchParams(search)),
    // nextParams changes on pushState navigations, which fire no popstate: re-read the location then.
    [search, nextParams],
  );
}
