"use client";
// One TanStack table for a server-sorted, server-paged list (or a plain table when neither is
// given). Rows are keyed by their id, never their index, so a selection survives a refetch that
// reorders or replaces rows (and is ready for bulk actions).
import { useTable, type RowData, type RowSelectionState, type SortingState, type Updater } from "@tanstack/react-table";
import { dataTableFeatures, type DataColumn } from "./features";

export type SortOrder = "asc" | "desc";

interface ServerSorting<K extends string> {
  sort: K;
  order: SortOrder;
  onSort: (sort: K, order: SortOrder) => void;
}

interface ServerPaging {
  page: number;
  pageSize: number;
  /** Rows matching over all pages, when known. */
  total: number | undefined;
}

export interface RowSelection {
  selected: RowSelectionState;
  onChange: (next: RowSelectionState) => void;
}

interface Options<T extends RowData, K extends string> {
  data: readonly T[];
  columns: DataColumn<T>[];
  getRowId: (row: T) => string;
  sorting?: ServerSorting<K>;
  paging?: ServerPaging;
  selection?: RowSelection;
}

const apply = <S>(updater: Updater<S>, current: S): S => (typeof updater === "function" ? (updater as (old: S) => S)(current) : updater);

export function useDataTable<T extends RowData, K extends string = string>({
  data,
  columns,
  getRowId,
  sorting,
  paging,
  selection,
}: Options<T, K>) {
  const sortingState: SortingState = sorting ? [{ id: sorting.sort, desc: sorting.order === "desc" }] : [];
  return useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    manualPagination: true,
    // A column sorts only when the server can sort by it (its id is a sort key).
    enableSorting: sorting !== undefined,
    enableMultiSort: false,
    enableSortingRemoval: false,
    // Biggest, newest, most urgent first; the next click flips it.
    sortDescFirst: true,
    rowCount: paging?.total,
    enableRowSelection: selection !== undefined,
    state: {
      sorting: sortingState,
      ...(paging ? { pagination: { pageIndex: paging.page - 1, pageSize: paging.pageSize } } : {}),
      ...(selection ? { rowSelection: selection.selected } : {}),
    },
    onSortingChange: (updater) => {
      const [next] = apply(updater, sortingState);
      if (sorting && next) sorting.onSort(next.id as K, next.desc ? "desc" : "asc");
    },
    onRowSelectionChange: (updater) => selection?.onChange(apply(updater, selection.selected)),
  });
}

export type DataTableInstance<T extends RowData> = ReturnType<typeof useDataTable<T>>;
