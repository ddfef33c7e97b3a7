"use client";
import type { ListView, SortField } from "@/lib/unmapped-view";

interface Props {
  field: SortField;
  label: string;
  view: ListView;
  onSort: (sort: SortField, order: ListView["order"]) => void;
  className?: string;
  title?: string;
}

/** A column header that sorts: first click sorts descending (biggest, newest first), the next flips it. */
export function SortHeader({ field, label, view, onSort, className, title }: Props) {
  const active = view.sort === field;
  const next = active && view.order === "desc" ? "asc" : "desc";
  return (
    <th scope="col" className={className} aria-sort={active ? (view.order === "asc" ? "ascending" : "descending") : undefined}>
      <button type="button" className={active ? "sort sort-active" : "sort"} onClick={() => onSort(field, next)} title={title}>
        {label}
        <span className="sort-icon" aria-hidden="true">
          {active ? (view.order === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}
