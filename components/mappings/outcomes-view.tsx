"use client";
// A mapping's outcomes as the scraper reads them: the canonical outcome and its name on each
// platform. `changed` marks cells a pending change would set (the preview).
import { useMemo } from "react";
import type { MappingOutcomeDto } from "@/lib/contract/mappings";
import { DataTable } from "@/components/data-table/data-table";
import { columnsFor } from "@/components/data-table/features";
import { useDataTable } from "@/components/data-table/use-data-table";
import styles from "./mappings.module.css";

type Row = MappingOutcomeDto & { index: number };
type NameColumn = "betpawaName" | "sportybetDesc" | "bet9jaSuffix";

const col = columnsFor<Row>();
const name = (id: NameColumn, header: string, changed: ReadonlySet<string> | undefined) =>
  col.accessor(id, {
    id,
    header,
    // Names are scraped or typed text of any length: they wrap anywhere rather than widen the table.
    meta: { cellClassName: styles.wrapAnywhere },
    cell: ({ getValue, row }) => {
      const value = getValue();
      const isChanged = changed?.has(`${row.original.canonicalId}:${id}`);
      return (
        <>
          {value === null ? (
            <span className="muted">
              –<span className="visually-hidden">not offered</span>
            </span>
          ) : (
            value
          )}
          {isChanged && <span className="visually-hidden"> (changed)</span>}
        </>
      );
    },
  });

const columnsOf = (changed: ReadonlySet<string> | undefined) => [
  col.accessor("index", { id: "index", header: "#", meta: { kind: "numeric", cellClassName: "muted" }, cell: (c) => c.getValue() + 1 }),
  col.accessor("canonicalId", { id: "canonicalId", header: "Canonical outcome", meta: { cellClassName: "mono" } }),
  name("betpawaName", "betpawa name", changed),
  name("sportybetDesc", "SportyBet name", changed),
  name("bet9jaSuffix", "Bet9ja suffix", changed),
];

interface Props {
  outcomes: MappingOutcomeDto[];
  caption: string;
  /** "canonicalId:column" keys of changed cells. */
  changed?: ReadonlySet<string>;
}

export function OutcomesView({ outcomes, caption, changed }: Props) {
  const columns = useMemo(() => columnsOf(changed), [changed]);
  const table = useDataTable({
    data: outcomes.map((o, index) => ({ ...o, index })),
    columns,
    getRowId: (o) => `${o.canonicalId}-${o.index}`,
  });
  if (outcomes.length === 0) return <p className="muted">No outcomes.</p>;
  return (
    <DataTable
      table={table}
      caption={caption}
      variant="compact"
      cellClassName={(cell) => (changed?.has(`${cell.row.original.canonicalId}:${cell.column.id}`) ? "cell-changed" : undefined)}
    />
  );
}
