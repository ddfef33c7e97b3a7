"use client";
// Checkbox row selection for any table of the kit (bulk actions): a checkbox column, click to
// toggle, shift-click to select (or clear) the range from the last clicked row, the header's box
// for the whole page. The selection is TanStack's row selection state, keyed by row id, held by
// useRangeSelection; the cells reach it through a context, since columns are built once.
import type { RowData, RowSelectionState } from "@tanstack/react-table";
import { createContext, useCallback, useContext, useMemo, useState, type ChangeEvent } from "react";
import { columnsFor, type DataColumn } from "./features";
import type { RowSelection } from "./use-data-table";

export interface RangeSelection extends RowSelection {
  /** The selected row ids, in the order of the rows on screen. */
  ids: string[];
  /** Toggles one row; with `range` every row between the last toggled one and this one takes its new state. */
  toggle: (id: string, range: boolean) => void;
  /** Sets one row (shift+j/k extends the selection without toggling back). */
  set: (id: string, on: boolean) => void;
  clear: () => void;
}

/** The rows between `anchor` and `target` (both included) set to `on`; only `target` without an anchor on the page. */
export function selectRange(rowIds: readonly string[], selected: RowSelectionState, anchor: string | null, target: string, on: boolean) {
  const from = anchor === null ? -1 : rowIds.indexOf(anchor);
  const to = rowIds.indexOf(target);
  const next = { ...selected };
  const [a, b] = from === -1 || to === -1 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
  for (let i = a; i <= b && i >= 0; i++) {
    if (on) next[rowIds[i]] = true;
    else delete next[rowIds[i]];
  }
  return next;
}

/**
 * @param rowIds the rows on screen, in order (ranges follow what the user sees).
 * @param resetKey changes with the view: another page or filter starts with nothing selected.
 */
export function useRangeSelection(rowIds: readonly string[], resetKey: string): RangeSelection {
  const [state, setState] = useState<{ key: string; selected: RowSelectionState; anchor: string | null }>({
    key: resetKey,
    selected: {},
    anchor: null,
  });
  const current = state.key === resetKey ? state : { key: resetKey, selected: {}, anchor: null };
  if (current !== state) setState(current);

  const { selected } = current;
  const onChange = useCallback((next: RowSelectionState) => setState((s) => ({ ...s, key: resetKey, selected: next })), [resetKey]);
  const toggle = useCallback(
    (id: string, range: boolean) =>
      setState((s) => {
        const on = !s.selected[id];
        return { key: resetKey, anchor: id, selected: selectRange(rowIds, s.selected, range ? s.anchor : null, id, on) };
      }),
    [rowIds, resetKey],
  );
  const set = useCallback(
    (id: string, on: boolean) => setState((s) => ({ key: resetKey, anchor: id, selected: selectRange(rowIds, s.selected, null, id, on) })),
    [rowIds, resetKey],
  );
  const clear = useCallback(() => setState({ key: resetKey, selected: {}, anchor: null }), [resetKey]);
  // Rows that left the page (a refetch) are no longer selected: an action acts on what is seen.
  const ids = useMemo(() => rowIds.filter((id) => selected[id]), [rowIds, selected]);
  return { selected, onChange, ids, toggle, set, clear };
}

export const RangeSelectionContext = createContext<RangeSelection | null>(null);

const shiftHeld = (e: ChangeEvent<HTMLInputElement>) => "shiftKey" in e.nativeEvent && Boolean(e.nativeEvent.shiftKey);

function RowCheckbox({ id, label, checked }: { id: string; label: string; checked: boolean }) {
  const selection = useContext(RangeSelectionContext);
  if (!selection) throw new Error("a selectable table needs RangeSelectionContext");
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label={`Select ${label}`}
      checked={checked}
      title="Select (x); shift-click selects a range"
      onChange={(e) => selection.toggle(id, shiftHeld(e))}
    />
  );
}

/** The checkbox column: `label` names a row for its checkbox ("Select Total Goals"). */
export function selectColumn<T extends RowData>(label: (row: T) => string): DataColumn<T> {
  return columnsFor<T>().display({
    id: "select",
    header: ({ table }) => {
      const all = table.getIsAllPageRowsSelected();
      const some = table.getIsSomePageRowsSelected();
      return (
        <input
          type="checkbox"
          className="row-check"
          aria-label="Select every row on this page"
          checked={all}
          ref={(el) => {
            if (el) el.indeterminate = some && !all;
          }}
          onChange={(e) => table.toggleAllPageRowsSelected(e.target.checked)}
        />
      );
    },
    meta: { width: 36, label: "Select", className: "select-cell-column" },
    cell: ({ row }) => <RowCheckbox id={row.id} label={label(row.original)} checked={row.getIsSelected()} />,
  });
}
