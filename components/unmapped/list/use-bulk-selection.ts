"use client";
// The checked rows of the triage list and what acts on them: the bulk bar (shown while any row is
// checked), "every market matching this filter", and the keys that act on the checked rows or,
// with none checked, on the keyboard's selected row (e assigns to me, s opens the snooze menu).
import { useCallback, useMemo, useRef, useState } from "react";
import type { UnmappedItem } from "@/lib/contract/unmapped";
import { useCan, usePrincipal } from "@/components/auth/use-principal";
import { useRangeSelection } from "@/components/data-table/row-select";
import type { BulkBarHandle } from "./bulk-bar";
import { useBulkChange } from "./use-bulk-change";

/**
 * @param viewKey the list's whole URL query: another page or filter starts with nothing checked.
 */
export function useBulkSelection(items: UnmappedItem[], viewKey: string) {
  const canTriage = useCan("market.triage");
  const me = usePrincipal();
  const rowIds = useMemo(() => items.map((i) => String(i.id)), [items]);
  const checked = useRangeSelection(rowIds, viewKey);
  const [allFor, setAllFor] = useState<string | null>(null);
  // Every matching market, while the whole page stays checked in this view.
  const allMatching = allFor === viewKey && items.length > 0 && checked.ids.length === items.length;
  const ids = useMemo(() => checked.ids.map(Number), [checked.ids]);

  const bar = useRef<BulkBarHandle | null>(null);
  const snoozeAsked = useRef(false);
  // The bar mounts once a row is checked: a snooze asked for before that opens as it mounts.
  const barRef = useCallback((handle: BulkBarHandle | null) => {
    bar.current = handle;
    if (handle && snoozeAsked.current) {
      snoozeAsked.current = false;
      handle.openSnooze();
    }
  }, []);

  const { clear, set, toggle } = checked;
  const assign = useBulkChange(clear);

  return {
    /** null for viewers: no checkboxes. */
    checked: canTriage ? checked : null,
    ids,
    onlyName: ids.length === 1 ? items.find((i) => i.id === ids[0])?.marketName : undefined,
    allMatching,
    setAllMatching: (all: boolean) => setAllFor(all ? viewKey : null),
    barRef,
    toggleCheck: (index: number) => items[index] && toggle(String(items[index].id), false),
    extend: (from: number, to: number) => {
      if (items[from]) set(String(items[from].id), true);
      if (items[to]) set(String(items[to].id), true);
    },
    assignToMe: (index: number | null) => {
      const item = index === null ? undefined : items[index];
      if (!me || (ids.length === 0 && !item)) return;
      const scope = { ids: ids.length > 0 ? ids : [item!.id] };
      assign.mutate({
        scope,
        set: { assigneeId: me.userId },
        words: "assigned to you",
        name: ids.length === 0 ? item!.marketName : undefined,
      });
    },
    snooze: (index: number | null) => {
      if (ids.length > 0) bar.current?.openSnooze();
      else if (index !== null && items[index]) {
        snoozeAsked.current = true;
        set(String(items[index].id), true);
      }
    },
  };
}
