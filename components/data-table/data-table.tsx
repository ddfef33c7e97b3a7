"use client";
// The one table of the app: headers (sortable ones as buttons with aria-sort), a sticky header
// row, rows keyed by id, and the states that replace the rows: loading (skeleton rows), error (with
// Retry) and any message (empty list, past the end). Markup and styles only; the state lives in
// the TanStack table from useDataTable.
import { flexRender, type Cell, type Row, type RowData } from "@tanstack/react-table";
import type { HTMLAttributes, ReactNode } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { DataTableFeatures } from "./features";
import { SortHeader } from "./sort-header";
import type { DataTableInstance } from "./use-data-table";

export type TableState =
  | { kind: "loading"; rows?: number }
  | { kind: "error"; title: string; message: string; onRetry: () => void; retrying: boolean }
  | { kind: "message"; content: ReactNode };

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number | boolean | undefined };

interface Props<T extends RowData> {
  table: DataTableInstance<T>;
  /** What the table is; read by screen readers, hidden on screen unless `showCaption`. */
  caption: ReactNode;
  showCaption?: boolean;
  className?: string;
  /** Rows on screen are being replaced (dimmed, aria-busy). */
  busy?: boolean;
  describedBy?: string;
  /** Replaces the rows. */
  state?: TableState;
  rowProps?: (row: Row<DataTableFeatures, T>) => RowAttributes;
  /** Extra classes of one cell (e.g. a value a pending change sets). */
  cellClassName?: (cell: Cell<DataTableFeatures, T, unknown>) => string | undefined;
}

function StateRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="cell-state">
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
        <tr key={r} className="row row-skeleton" aria-hidden="true">
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
  if (!columns.some((c) => c.columnDef.meta?.colClassName)) return null;
  return (
    <colgroup>
      {columns.map((c) => (
        <col key={c.id} className={c.columnDef.meta?.colClassName} />
      ))}
    </colgroup>
  );
}

function Body<T extends RowData>({
  table,
  state,
  rowProps,
  cellClassName,
}: Pick<Props<T>, "table" | "state" | "rowProps" | "cellClassName">) {
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
        <tr key={row.id} {...rowProps?.(row)}>
          {row.getAllCells().map((cell) => {
            const meta = cell.column.columnDef.meta;
            const className = [meta?.className, meta?.cellClassName, cellClassName?.(cell)].filter(Boolean).join(" ") || undefined;
            const header = cell.column.columnDef.header;
            const label = meta?.label ?? (typeof header === "string" ? header : undefined);
            const content = flexRender(cell.column.columnDef.cell, cell.getContext());
            return meta?.rowHeader ? (
              <th key={cell.id} scope="row" className={className} data-column={cell.column.id} data-label={label}>
                {content}
              </th>
            ) : (
              <td key={cell.id} className={className} data-column={cell.column.id} data-label={label}>
                {content}
              </td>
            );
          })}
        </tr>
      ))}
    </>
  );
}

export function DataTable<T extends RowData>({
  table,
  caption,
  showCaption,
  className,
  busy = false,
  describedBy,
  state,
  rowProps,
  cellClassName,
}: Props<T>) {
  return (
    <table
      className={["table", className, busy ? "table-busy" : null].filter(Boolean).join(" ")}
      aria-busy={busy}
      aria-describedby={describedBy}
    >
      <caption className={showCaption ? "table-caption" : "visually-hidden"}>{caption}</caption>
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
        <Body table={table} state={state} rowProps={rowProps} cellClassName={cellClassName} />
      </tbody>
    </table>
  );
}
