"use client";
// nuqs reads and writes list views in the URL through this adapter. It follows the address bar
// itself, not Next's useSearchParams alone: that one can lag the address bar, and two Back presses
// in quick succession left a list showing the previous view under the new URL (Next's router
// handles the second traversal while the first is still committing). The location is re-read on
// every popstate, on every update made here and on every Next navigation; on the server and while
// hydrating it is Next's own value. Updates go through history.pushState/replaceState with no
// state of our own, which Next's router adopts (useSearchParams follows) without a server round trip.
import { useSearchParams } from "next/navigation";
import { unstable_createAdapterProvider as createAdapterProvider, renderQueryString } from "nuqs/adapters/custom";
import { useCallback, useMemo, useSyncExternalStore, type ReactNode } from "react";

const updates = new Set<() => void>();

function subscribe(notify: () => void) {
  updates.add(notify);
  window.addEventListener("popstate", notify);
  return () => {
    updates.delete(notify);
    window.removeEventListener("popstate", notify);
  };
}

/** The address bar's query string (Next's value on the server and while hydrating). */
export function useUrlSearch(): URLSearchParams {
  const nextParams = useSearchParams();
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => null,
  );
  return useMemo(
    () => (search === null ? new URLSearchParams(nextParams.toString()) : new URLSearchParams(search)),
    // nextParams changes on Next's own navigations, which fire no popstate: re-read the location then.
    [search, nextParams],
  );
}

function useAdapter() {
  const searchParams = useUrlSearch();
  const updateUrl = useCallback((search: URLSearchParams, options: { history: "push" | "replace"; scroll: boolean }) => {
    const url = `${window.location.pathname}${renderQueryString(search)}${window.location.hash}`;
    if (options.history === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
    for (const notify of updates) notify();
    if (options.scroll) window.scrollTo(0, 0);
  }, []);
  return { searchParams, updateUrl, getSearchParamsSnapshot: () => new URLSearchParams(window.location.search) };
}

const Provider = createAdapterProvider(useAdapter);

export function UrlStateAdapter({ children }: { children: ReactNode }) {
  return <Provider defaultOptions={{ history: "push" }}>{children}</Provider>;
}
