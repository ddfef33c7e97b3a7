"use client";
// The keyboard's selected row, tracked by market id: a live refresh that reorders the rows (the
// priority sort does on every scrape) keeps the same market selected, so `a` never acts on another
// one. When the selected market leaves the view, nothing is selected and the page says so; when it
// leaves because this user triaged it out of the tab, the row that took its place is selected.
import { useCallback, useEffect, useRef, useState } from "react";
import type { UnmappedItem } from "@/lib/contract/unmapped";

const LEFT_THE_VIEW = "The selected market is no longer in this view.";

type Focus = "always" | "if-lost" | "never";
type Edge = "first" | "last";

interface Selection {
  id: number | null;
  focus: Focus;
}

/**
 * @param viewKey changes with the view (a new view starts without a selection).
 * @param settled the rows on screen belong to the view (not the previous view's, kept while loading).
 */
export function useRowSelection(items: UnmappedItem[], viewKey: string, settled: boolean) {
  const [selection, setSelection] = useState<Selection>({ id: null, focus: "never" });
  const [note, setNote] = useState("");
  // The market this user just triaged, and the row to select when it leaves the view.
  const [successor, setSuccessor] = useState<{ id: number; next: number | null } | null>(null);
  // j/k walked off the edge of a page: select the first or last row of the next one.
  const [edge, setEdge] = useState<Edge | null>(null);
  const [lastView, setLastView] = useState(viewKey);
  const links = useRef(new Map<number, HTMLAnchorElement>());

  if (lastView !== viewKey) {
    setLastView(viewKey);
    setSelection({ id: null, focus: "never" });
    setNote("");
    setSuccessor(null);
  }
  if (edge && settled && items.length > 0) {
    setEdge(null);
    setSelection({ id: (edge === "first" ? items[0] : items[items.length - 1]).id, focus: "always" });
  }
  if (selection.id !== null && settled && !items.some((i) => i.id === selection.id)) {
    const mine = successor?.id === selection.id;
    const next = mine && successor.next !== null && items.some((i) => i.id === successor.next) ? successor.next : null;
    setSelection({ id: next, focus: next === null ? "never" : "if-lost" });
    setSuccessor(null);
    if (!mine) setNote(LEFT_THE_VIEW);
  }

  useEffect(() => {
    if (selection.id === null || selection.focus === "never") return;
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (selection.focus === "always" || lost) links.current.get(selection.id)?.focus();
  }, [selection]);

  const index = selection.id === null ? -1 : items.findIndex((i) => i.id === selection.id);

  const select = useCallback((id: number, focus: Focus = "always") => {
    setSelection({ id, focus });
    setSuccessor(null);
    setNote("");
  }, []);

  return {
    selectedId: index === -1 ? null : selection.id,
    index,
    note,
    select,
    /** Selects the first or last row of the page about to load. */
    selectEdge: setEdge,
    /** The user triaged `item`: if it leaves the view, select the row after it (or before, at the end). */
    triaged: (item: UnmappedItem) => {
      if (item.id !== selection.id) return;
      const at = items.findIndex((i) => i.id === item.id);
      setSuccessor({ id: item.id, next: items[at + 1]?.id ?? items[at - 1]?.id ?? null });
    },
    linkRef: useCallback((id: number, el: HTMLAnchorElement | null) => {
      if (el) links.current.set(id, el);
      else links.current.delete(id);
    }, []),
    link: (id: number) => links.current.get(id),
  };
}
