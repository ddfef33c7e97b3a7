// A settings page's table in a card: a heading (with what goes beside it), the table scrolling
// sideways on a narrow screen, and what follows it inside the card (its dialogs).
import type { ReactNode } from "react";
import type { RowData } from "@tanstack/react-table";
import { DataTable, type DataTableProps } from "@/components/data-table/data-table";
import styles from "./settings.module.css";

export function TableCard<T extends RowData>({
  titleId,
  title,
  actions,
  children,
  ...table
}: Omit<DataTableProps<T>, "variant"> & { titleId: string; title: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <section className="card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId}>{title}</h2>
        {actions}
      </header>
      <div className={styles.tableScroll}>
        <DataTable {...table} variant="card" />
      </div>
      {children}
    </section>
  );
}
