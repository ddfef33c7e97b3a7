"use client";
// The numbers behind a trend chart: one row per run, one column per platform and one for all.
import { useMemo, type ReactNode } from "react";
import { PLATFORMS, type Platform } from "@/lib/contract/enums";
import type { Stats } from "@/lib/contract/stats";
import { DataTable } from "@/components/data-table/data-table";
import { columnsFor } from "@/components/data-table/features";
import { useDataTable } from "@/components/data-table/use-data-table";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";

export type Run = Stats["runs"][number];

const col = columnsFor<Run>();

interface Props {
  caption: string;
  runs: Run[];
  /** The run's name in the first column. */
  label: (run: Run) => ReactNode;
  perPlatform: (run: Run, platform: Platform) => string;
  all: (run: Run) => string;
}

export function RunsTable({ caption, runs, label, perPlatform, all }: Props) {
  const columns = useMemo(
    () => [
      col.display({ id: "run", header: "Run", meta: { rowHeader: true }, cell: ({ row }) => label(row.original) }),
      ...PLATFORMS.map((p) =>
        col.display({ id: p, header: PLATFORM_LABEL[p], meta: { kind: "numeric" }, cell: ({ row }) => perPlatform(row.original, p) }),
      ),
      col.display({ id: "all", header: "All", meta: { kind: "numeric" }, cell: ({ row }) => all(row.original) }),
    ],
    [label, perPlatform, all],
  );
  const table = useDataTable({ data: runs, columns, getRowId: (r) => String(r.id) });
  return (
    <div className="disclosure-body">
      <DataTable table={table} caption={caption} variant="compact" />
    </div>
  );
}
