"use client";
// The ten new markets with the highest priority, each a link to its page and to its mapping editor.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { unmappedQueries, URGENT_NEW_QUERY } from "@/lib/api/unmapped";
import type { UnmappedItem } from "@/lib/contract/unmapped";
import { DataTable } from "@/components/data-table/data-table";
import { actionsColumn, columnsFor } from "@/components/data-table/features";
import { useDataTable } from "@/components/data-table/use-data-table";
import { cx } from "@/components/ui/cx";
import { formatCount } from "@/components/ui/format";
import { platformColumn, priorityColumn, sightingsColumn } from "@/components/unmapped/market-columns";
import styles from "./dashboard.module.css";
import { loadState } from "@/components/data-table/load-state";
import { useCan } from "@/components/auth/use-principal";

/** "Map", for those who may map markets. */
function MapLink({ id, name }: { id: number; name: string }) {
  if (!useCan("market.map")) return null;
  return (
    <Link href={`/unmapped/${id}/map`} className="button button-small" aria-label={`Map ${name}`}>
      Map
    </Link>
  );
}

const col = columnsFor<UnmappedItem>();
const COLUMNS = [
  platformColumn(104),
  col.accessor("marketName", {
    id: "name",
    header: "Market",
    meta: { kind: "name" },
    cell: ({ row: { original: m } }) => (
      <>
        <Link href={`/unmapped/${m.id}`} title={m.marketName}>
          {m.marketName}
        </Link>
        <span className={cx(styles.cellSub, "mono")}>{m.externalMarketId}</span>
      </>
    ),
  }),
  sightingsColumn(104),
  priorityColumn(),
  actionsColumn<UnmappedItem>(88, (m) => <MapLink id={m.id} name={m.marketName} />),
];

export function UrgentMarkets({ staleTime }: { staleTime: number }) {
  const list = useQuery({ ...unmappedQueries.list(URGENT_NEW_QUERY), staleTime });
  const items = list.data?.items ?? [];
  const table = useDataTable({ data: items, columns: COLUMNS, getRowId: (m) => String(m.id) });
  const state = loadState(list, { rows: 6, errorTitle: "Could not load the markets" });
  return (
    <section className="card" aria-labelledby="priority-title">
      <header className="card-header">
        <h2 id="priority-title">Most urgent new markets</h2>
        <Link href="/unmapped" className="card-link">
          All new markets{list.data ? ` (${formatCount(list.data.total)})` : ""}
        </Link>
      </header>
      {!state && items.length === 0 ? (
        <p className="card-body muted">Nothing new to triage. New markets appear here as scrapes find them.</p>
      ) : (
        <DataTable
          table={table}
          caption="The ten new markets with the highest priority"
          variant="card"
          state={state}
          rowProps={(row) => ({ "data-market-id": row.original.id })}
        />
      )}
    </section>
  );
}
