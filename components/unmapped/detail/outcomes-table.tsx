"use client";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { DataTable } from "@/components/data-table/data-table";
import { columnsFor } from "@/components/data-table/features";
import { useDataTable } from "@/components/data-table/use-data-table";
import { formatOdds, formatPercent } from "@/components/ui/format";

type Outcome = UnmappedDetail["sampleOutcomes"][number] & { key: string };

const col = columnsFor<Outcome>();
// Scraped outcome names render as text.
const COLUMNS = [
  col.accessor("name", { id: "name", header: "Outcome" }),
  col.accessor("odds", {
    id: "odds",
    header: "Odds",
    meta: { kind: "numeric" },
    cell: (c) => {
      const odds = c.getValue();
      return odds === null ? <span className="muted">no price</span> : formatOdds(odds);
    },
  }),
  col.accessor("odds", {
    id: "implied",
    header: "Implied probability",
    meta: { kind: "numeric", title: "1 / odds" },
    cell: (c) => {
      const odds = c.getValue();
      return odds === null || odds <= 0 ? "–" : formatPercent(1 / odds);
    },
  }),
];

/** The latest sighting's outcomes with their prices, and the book's margin when every price is known. */
export function OutcomesTable({ outcomes }: { outcomes: UnmappedDetail["sampleOutcomes"] }) {
  const rows = outcomes.map((o, i) => ({ ...o, key: `${i}-${o.name}` }));
  const table = useDataTable({ data: rows, columns: COLUMNS, getRowId: (o) => o.key });
  if (outcomes.length === 0) return <p className="muted">The latest sighting carried no outcomes.</p>;
  const priced = outcomes.every((o) => o.odds !== null && o.odds > 0);
  const overround = priced ? outcomes.reduce((sum, o) => sum + 1 / (o.odds as number), 0) : null;
  return (
    <>
      <DataTable table={table} caption="Outcomes and their odds" variant="compact" />
      {overround !== null && outcomes.length > 1 && (
        <p className="muted table-note">
          Book total {formatPercent(overround)}: a margin of {formatPercent(overround - 1)} if these outcomes cover every result.
        </p>
      )}
    </>
  );
}
