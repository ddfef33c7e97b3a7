"use client";
import { useCallback, useMemo } from "react";
import { useUrlSearchParams } from "@/components/ui/use-url-search";
import { listHref, parseView, type ListView } from "@/lib/unmapped-view";

export function useListView(): ListView {
  const params = useUrlSearchParams();
  return useMemo(() => parseView(params), [params]);
}

/**
 * Shows another view of the list by writing its URL into history. Next.js picks the change up in
 * useSearchParams without a server round trip; React Query fetches what the new view needs.
 */
export function useNavigateView(): (view: ListView) => void {
  return useCallback((view: ListView) => {
    const href = listHref(view);
    if (href !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, "", href);
  }, []);
}

/** The detail page's URL from a list row: it carries the list's view and the row's position. */
export function detailHref(id: number, from: string, position: number): string {
  return `/unmapped/${id}?${new URLSearchParams({ from, pos: String(position) })}`;
}
