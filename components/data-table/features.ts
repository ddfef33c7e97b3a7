// The table features every table of the app may use, and what a column may say about itself.
// Sorting and paging are manual: the server sorts and pages, the table only holds the state.
import { createColumnHelper, rowPaginationFeature, rowSelectionFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import type { ColumnDef, RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";

/** What a column holds, which sets how its cells look: a name (its link stands out), numbers, ids, times, row actions. */
export type ColumnKind = "name" | "numeric" | "mono" | "time" | "actions";

export interface ColumnMeta {
  kind?: ColumnKind;
  /**
   * Width in px in a list's fixed layout. The one column without a width is the flexible one (the
   * name): it gets the rest, and never less than 200 px.
   */
  width?: number;
  /** Left out below 1,280 px, so the name keeps its room (the value is on the item's own page). */
  optional?: boolean;
  /** Shown only from 1,536 px: a list with many columns keeps every core one on a 1,440 px screen. */
  wide?: boolean;
  /** More classes of the column's header and cells. */
  className?: string;
  /** Classes of the column's cells only. */
  cellClassName?: string;
  /** A tooltip for the header. */
  title?: string;
  /** The column's name where a row is shown stacked (narrow screens); defaults to its header text. */
  label?: string;
  /** The header is only for screen readers (an actions column). */
  hiddenHeader?: boolean;
  /** Rendered as <th scope="row">: the cell that names the row. */
  rowHeader?: boolean;
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  columnMeta: {} as ColumnMeta,
});
export type DataTableFeatures = typeof dataTableFeatures;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of one table have values of different types
export type DataColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, any>;

/** Typed column definitions for rows of type T. */
export const columnsFor = <T extends RowData>() => createColumnHelper<DataTableFeatures, T>();

/** The row's actions, last: `width` px, its header heard by screen readers only. */
export const actionsColumn = <T extends RowData>(width: number, cell: (item: T) => ReactNode): DataColumn<T> =>
  columnsFor<T>().display({
    id: "actions",
    header: "Actions",
    meta: { width, kind: "actions", hiddenHeader: true },
    cell: ({ row }) => cell(row.original),
  });
