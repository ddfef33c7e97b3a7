"use client";
// The one table of the app: headers (sortable ones as buttons with aria-sort), a sticky header
// row, rows keyed by id, and the states that replace the rows: loading (skeleton rows), error (with
// Retry) and any message (empty list, past the end). Markup and styles only; the state lives in
// the TanStack table from useDataTable.
import { flexRender, type Cell, type Row, type RowData } from "@tanstack/react-table";
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { colStyle, columnClass, fixedWidths, hideClass } from "./cells";
import styles from "./data-table.module.css";
import type { DataTableFeatures } from "./features";
import { SortHeader } from "./sort-header";
import type { DataTableInstance } from "./use-data-table";

export type TableState =
  | { kind: "loading"; rows?: number }
  | { kind: "error"; title: string; message: string; onRetry: () => void; retrying: boolean }
  | { kind: "message"; content: ReactNode };

/** "list": a page's main table; "compact": a small table in a card; "edit": inputs in cells; "card": a list filling a card. */
type TableVariant = "list" | "compact" | "edit" | "card";
const VARIANT: Record<TableVariant, string | undefined> = {
  list: styles.list,
  compact: styles.compact,
  edit: cx(styles.compact, styles.edit),
  card: cx(styles.list, styles.card),
};

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & {
  /** The row is the selected one (highlighted). */
  selected?: boolean;
  [data: `data-${string}`]: string | number | boolean | undefined;
};

export interface DataTableProps<T extends RowData> {
  table: DataTableInstance<T>;
  /** What the table is; read by screen readers, hidden on screen unless `showCaption`. */
  caption: ReactNode;
  showCaption?: boolean;
  variant?: TableVariant;
  /** Rows on screen are being replaced (dimmed, aria-busy). */
  busy?: boolean;
  describedBy?: string;
  /** Replaces the rows. */
  state?: TableState;
  /** Rows that can be selected say whether they are (aria-selected). */
  selectable?: boolean;
  rowProps?: (row: Row<DataTableFeatures, T>) => RowAttributes;
  /** Extra classes of one cell (e.g. a value a pending change sets). */
  cellClassName?: (cell: Cell<DataTableFeatures, T, unknown>) => string | undefined;
}

function StateRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className={styles.state}>
        {children}
      </td>
    </tr>
  );
}

function SkeletonRows<T extends RowData>({ table, rows }: { table: DataTableInstance<T>; rows: number }) {
  const columns = table.getAllLeafColumns();
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} className={styles.skeleton} aria-hidden="true">
          {columns.map((column, c) => (
            <td key={column.id}>{!column.columnDef.meta?.hiddenHeader && <Skeleton width={`${50 + ((r * 17 + c * 11) % 40)}%`} />}</td>
          ))}
        </tr>
      ))}
    </>
  );
}

function ColumnWidths<T extends RowData>({ table }: { table: DataTableInstance<T> }) {
  const columns = table.getAllLeafColumns();
  if (!columns.some((c) => c.columnDef.meta?.width)) return null;
  return (
    <colgroup>
      {columns.map((c) => (
        <col key={c.id} className={hideClass(c.columnDef.meta)} style={colStyle(c.columnDef.meta)} />
      ))}
    </colgroup>
  );
}

function DataRow<T extends RowData>({
  row,
  selectable,
  rowProps,
  cellClassName,
}: { row: Row<DataTableFeatures, T> } & Pick<DataTableProps<T>, "selectable" | "rowProps" | "cellClassName">) {
  const { selected = false, className, ...attributes } = rowProps?.(row) ?? {};
  return (
    <tr
      {...attributes}
      className={cx(attributes.onClick && styles.clickable, selected && styles.selected, className)}
      aria-selected={selectable ? selected : undefined}
    >
      {row.getAllCells().map((cell) => {
        const meta = cell.column.columnDef.meta;
        const cellClass = cx(columnClass(meta), meta?.cellClassName, cellClassName?.(cell));
        const header = cell.column.columnDef.header;
        const label = meta?.label ?? (typeof header === "string" ? header : undefined);
        const content = flexRender(cell.column.columnDef.cell, cell.getContext());
        return meta?.rowHeader ? (
          <th key={cell.id} scope="row" className={cellClass} data-column={cell.column.id} data-label={label}>
            {content}
          </th>
        ) : (
          <td key={cell.id} className={cellClass} data-column={cell.column.id} data-label={label}>
            {content}
          </td>
        );
      })}
    </tr>
  );
}

function Body<T extends RowData>({
  table,
  state,
  ...rows
}: Pick<DataTableProps<T>, "table" | "state" | "selectable" | "rowProps" | "cellClassName">) {
  const colSpan = table.getAllLeafColumns().length;
  if (state?.kind === "loading") return <SkeletonRows table={table} rows={state.rows ?? 12} />;
  if (state?.kind === "error") {
    return (
      <StateRow colSpan={colSpan}>
        <ErrorState title={state.title} message={state.message} onRetry={state.onRetry} retrying={state.retrying} />
      </StateRow>
    );
  }
  if (state?.kind === "message") return <StateRow colSpan={colSpan}>{state.content}</StateRow>;
  return (
    <>
      {table.getRowModel().rows.map((row) => (
        <DataRow key={row.id} row={row} {...rows} />
      ))}
    </>
  );
}

export function DataTable<T extends RowData>({
  table,
  caption,
  showCaption,
  variant = "list",
  busy = false,
  describedBy,
  state,
  ...rows
}: DataTableProps<T>) {
  return (
    <table
      className={cx(styles.table, VARIANT[variant], busy && styles.busy)}
      style={fixedWidths(table.getAllLeafColumns().map((c) => c.columnDef.meta))}
      aria-busy={busy}
      aria-describedby={describedBy}
    >
      <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
      <ColumnWidths table={table} />
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <SortHeader key={header.id} header={header} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        <Body table={table} state={state} {...rows} />
      </tbody>
    </table>
  );
}

/** A small icon button in a row (acknowledge, ignore): shown on hover, focus, selection and touch screens. */
export function RowAction({
  label,
  title,
  icon,
  onClick,
  disabled,
}: {
  label: string;
  title: string;
  icon: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button type="button" className={styles.rowAction} onClick={onClick} disabled={disabled} aria-label={label} title={title}>
      <span className={icon} aria-hidden="true" />
    </button>
  );
}
