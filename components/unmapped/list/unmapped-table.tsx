"use client";
import { useMemo } from "react";
import type { SortField, UnmappedView } from "@/lib/url-state/unmapped-view";
import type { UnmappedItem } from "@/lib/contract/unmapped";
import { DataTable, type TableState } from "@/components/data-table/data-table";
import { RangeSelectionContext, type RangeSelection } from "@/components/data-table/row-select";
import { useDataTable, type SortOrder } from "@/components/data-table/use-data-table";
import { useRowOpener } from "@/components/data-table/use-row-opener";
import { RowHandlersContext, SELECTABLE_COLUMNS, UNMAPPED_COLUMNS, type RowHandlers } from "./columns";
import styles from "./triage-list.module.css";

interface Props extends RowHandlers {
  view: UnmappedView;
  items: UnmappedItem[];
  total: number | undefined;
  /** The selected market (keyboard triage). */
  selectedId: number | null;
  /** The checked markets (bulk changes); null: no checkboxes (viewers). */
  checked: RangeSelection | null;
  onSort: (sort: SortField, order: SortOrder) => void;
  busy: boolean;
  state?: TableState;
}

const CAPTION =
  "Unmapped markets. Keys: j and k move, Enter opens, a acknowledges, i ignores, x checks a row, shift with j or k extends the check, e assigns to me, s snoozes, z undoes, c comments.";

export function UnmappedTable(p: Props) {
  const { view, items, total, selectedId, checked, onSort, busy, state, href, linkRef, onFocus, onStatus } = p;
  const handlers = useMemo(() => ({ href, linkRef, onFocus, onStatus }), [href, linkRef, onFocus, onStatus]);
  const table = useDataTable({
    data: items,
    columns: checked ? SELECTABLE_COLUMNS : UNMAPPED_COLUMNS,
    getRowId: (item) => String(item.id),
    sorting: { sort: view.sort, order: view.order, onSort },
    paging: { page: view.page, pageSize: view.pageSize, total },
    selection: checked ?? undefined,
  });
  const open = useRowOpener();
  return (
    <RowHandlersContext.Provider value={handlers}>
      <RangeSelectionContext.Provider value={checked}>
        <DataTable
          table={table}
          caption={CAPTION}
          busy={busy}
          describedBy="list-summary"
          state={state}
          selectable
          rowProps={(row) => {
            const isSelected = selectedId === row.original.id;
            const isChecked = row.getIsSelected();
            return {
              selected: isSelected,
              className: isChecked ? styles.checked : undefined,
              onClick: (e) => open(e, href(row.original, row.index)),
              "data-market-id": row.original.id,
              "data-selected": isSelected || undefined,
              "data-checked": isChecked || undefined,
            };
          }}
        />
      </RangeSelectionContext.Provider>
    </RowHandlersContext.Provider>
  );
}
