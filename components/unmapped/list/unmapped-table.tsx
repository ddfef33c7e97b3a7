"use client";
import { useMemo } from "react";
import type { SortField, UnmappedView } from "@/lib/url-state/unmapped-view";
import type { UnmappedItem } from "@/lib/contract/unmapped";
import { DataTable, type TableState } from "@/components/data-table/data-table";
import { useDataTable, type SortOrder } from "@/components/data-table/use-data-table";
import { useRowOpener } from "@/components/data-table/use-row-opener";
import { RowHandlersContext, UNMAPPED_COLUMNS, type RowHandlers } from "./columns";

interface Props extends RowHandlers {
  view: UnmappedView;
  items: UnmappedItem[];
  total: number | undefined;
  /** The selected market (keyboard triage). */
  selectedId: number | null;
  onSort: (sort: SortField, order: SortOrder) => void;
  busy: boolean;
  state?: TableState;
}

export function UnmappedTable({ view, items, total, selectedId, onSort, busy, state, href, linkRef, onFocus, onStatus }: Props) {
  const handlers = useMemo(() => ({ href, linkRef, onFocus, onStatus }), [href, linkRef, onFocus, onStatus]);
  const table = useDataTable({
    data: items,
    columns: UNMAPPED_COLUMNS,
    getRowId: (item) => String(item.id),
    sorting: { sort: view.sort, order: view.order, onSort },
    paging: { page: view.page, pageSize: view.pageSize, total },
  });
  const open = useRowOpener();
  return (
    <RowHandlersContext.Provider value={handlers}>
      <DataTable
        table={table}
        caption="Unmapped markets. Keys: j and k move, Enter opens, a acknowledges, i ignores."
        busy={busy}
        describedBy="list-summary"
        state={state}
        selectable
        rowProps={(row) => {
          const isSelected = selectedId === row.original.id;
          return {
            selected: isSelected,
            onClick: (e) => open(e, href(row.original, row.index)),
            "data-market-id": row.original.id,
            "data-selected": isSelected || undefined,
          };
        }}
      />
    </RowHandlersContext.Provider>
  );
}
