"use client";
import { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { unmappedViewParsers, type UnmappedView } from "@/lib/url-state/unmapped-view";

/**
 * The list's view from the URL, and a way to show another one: the change is written into the
 * history (Back returns to it) and React Query fetches what the new view needs.
 */
export function useUnmappedView(): [UnmappedView, (patch: Partial<UnmappedView>) => void] {
  const [view, setView] = useQueryStates(unmappedViewParsers);
  const navigate = useCallback((patch: Partial<UnmappedView>) => void setView(patch), [setView]);
  return [view, navigate];
}

/** The detail page's URL from a list row: it carries the list's query (`from`) and the row's position. */
export function detailHref(id: number, from: string, position: number): string {
  return `/unmapped/${id}?${new URLSearchParams({ from, pos: String(position) })}`;
}
