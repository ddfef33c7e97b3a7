"use client";
import { flexRender, type Header, type RowData } from "@tanstack/react-table";
import { cx } from "@/components/ui/cx";
import { columnClass } from "./cells";
import styles from "./data-table.module.css";
import type { DataTableFeatures } from "./features";

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const ICON = { asc: "▲", desc: "▼" } as const;

/** A column header; one the server can sort by is a button, and says how the list is sorted (aria-sort). */
export function SortHeader<T extends RowData>({ header }: { header: Header<DataTableFeatures, T, unknown> }) {
  const { column } = header;
  const meta = column.columnDef.meta;
  const label = flexRender(column.columnDef.header, header.getContext());
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={columnClass(meta)} title={meta?.title}>
        {meta?.hiddenHeader ? <span className="visually-hidden">{label}</span> : label}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  return (
    <th scope="col" className={columnClass(meta)} aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
      <button
        type="button"
        className={cx(styles.sort, sorted && styles.sortActive)}
        onClick={column.getToggleSortingHandler()}
        title={meta?.title}
      >
        {label}
        <span className={styles.sortIcon} aria-hidden="true">
          {sorted ? ICON[sorted] : "↕"}
        </span>
      </button>
    </th>
  );
}
