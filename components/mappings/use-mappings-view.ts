"use client";
import { useCallback, useMemo } from "react";
import { useUrlSearchParams } from "@/components/ui/use-url-search";
import { mappingsHref, parseMappingsView, type MappingsView } from "./mappings-view";

export function useMappingsView(): MappingsView {
  const params = useUrlSearchParams();
  return useMemo(() => parseMappingsView(params), [params]);
}

/** Shows another view by writing its URL into history; Next picks it up in useSearchParams without a server round trip. */
export function useNavigateMappingsView(): (view: MappingsView) => void {
  return useCallback((view: MappingsView) => {
    const href = mappingsHref(view);
    if (href !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, "", href);
  }, []);
}
