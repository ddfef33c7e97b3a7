// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataTable, type TableState } from "./data-table";
import { columnsFor } from "./features";
import { useDataTable, type RowSelection, type SortOrder } from "./use-data-table";

interface Market {
  id: number;
  name: string;
  sightings: number;
}

const col = columnsFor<Market>();
const columns = [
  col.display({
    id: "select",
    header: "Select",
    meta: { hiddenHeader: true },
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.name}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  col.accessor("name", { id: "name", header: "Market", meta: { rowHeader: true } }),
  col.accessor("sightings", { id: "sightings", header: "Sightings", meta: { className: "num" } }),
];

function Harness(props: {
  rows: Market[];
  sort?: { sort: "name" | "sightings"; order: SortOrder };
  onSort?: (sort: string, order: SortOrder) => void;
  state?: TableState;
  selection?: RowSelection;
}) {
  const table = useDataTable({
    data: props.rows,
    columns,
    getRowId: (m) => String(m.id),
    sorting: props.sort && props.onSort ? { ...props.sort, onSort: props.onSort } : undefined,
    selection: props.selection,
  });
  return <DataTable table={table} caption="Markets" state={props.state} rowProps={(row) => ({ "data-id": row.id })} />;
}

function SelectingHarness({ rows }: { rows: Market[] }) {
  const [selected, setSelected] = useState({});
  return <Harness rows={rows} selection={{ selected, onChange: setSelected }} />;
}

const markets: Market[] = [
  { id: 11, name: "Shots", sightings: 40 },
  { id: 12, name: "Corners", sightings: 7 },
  { id: 13, name: "Bookings", sightings: 19 },
];

afterEach(cleanup);

describe("DataTable", () => {
  it("renders a header per column and a row per item, in the order given (the server sorts)", () => {
    render(<Harness rows={markets} />);
    const table = screen.getByRole("table", { name: "Markets" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Select", "Market", "Sightings"]);
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["Shots", "Corners", "Bookings"]);
    expect(within(table).getByRole("cell", { name: "40" })).toHaveProperty("className", "num");
  });

  it("sorts through its header: aria-sort on the sorted column, descending first, then flipped", async () => {
    const onSort = vi.fn();
    const { rerender } = render(<Harness rows={markets} sort={{ sort: "name", order: "asc" }} onSort={onSort} />);
    const sightings = screen.getByRole("columnheader", { name: /Sightings/ });
    const name = screen.getByRole("columnheader", { name: /Market/ });
    expect(name.getAttribute("aria-sort")).toBe("ascending");
    expect(sightings.hasAttribute("aria-sort")).toBe(false);

    await userEvent.click(within(sightings).getByRole("button"));
    expect(onSort).toHaveBeenLastCalledWith("sightings", "desc");

    rerender(<Harness rows={markets} sort={{ sort: "sightings", order: "desc" }} onSort={onSort} />);
    expect(screen.getByRole("columnheader", { name: /Sightings/ }).getAttribute("aria-sort")).toBe("descending");
    await userEvent.click(within(screen.getByRole("columnheader", { name: /Sightings/ })).getByRole("button"));
    expect(onSort).toHaveBeenLastCalledWith("sightings", "asc");
  });

  it("without server sorting, headers are plain text", () => {
    render(<Harness rows={markets} />);
    expect(within(screen.getByRole("table")).queryAllByRole("button")).toEqual([]);
  });

  it("keys the selection by row id: a refetch that reorders rows keeps the same market selected", async () => {
    const { rerender } = render(<SelectingHarness rows={markets} />);
    await userEvent.click(screen.getByRole("checkbox", { name: "Select Corners" }));
    expect(screen.getByRole("checkbox", { name: "Select Corners" })).toHaveProperty("checked", true);

    // A refetch: a new market comes first, the rest move down.
    rerender(<SelectingHarness rows={[{ id: 14, name: "Fouls", sightings: 90 }, ...markets.slice().reverse()]} />);
    const checked = screen.getAllByRole("checkbox").filter((c) => (c as HTMLInputElement).checked);
    expect(checked.map((c) => c.getAttribute("aria-label"))).toEqual(["Select Corners"]);
    expect(screen.getByRole("checkbox", { name: "Select Fouls" })).toHaveProperty("checked", false);
  });

  it("shows loading, error and message states in place of the rows", async () => {
    const { rerender, container } = render(<Harness rows={markets} state={{ kind: "loading", rows: 4 }} />);
    expect(container.querySelectorAll("tbody tr[aria-hidden='true']")).toHaveLength(4);
    expect(screen.queryByText("Shots")).toBeNull();

    const onRetry = vi.fn();
    rerender(
      <Harness
        rows={markets}
        state={{ kind: "error", title: "Could not load", message: "The database is not answering", onRetry, retrying: false }}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("The database is not answering");
    expect(alert.closest("td")?.getAttribute("colspan")).toBe("3");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledOnce();

    rerender(<Harness rows={[]} state={{ kind: "message", content: <p>No markets match these filters</p> }} />);
    expect(screen.getByText("No markets match these filters").closest("td")?.getAttribute("colspan")).toBe("3");
  });
});
