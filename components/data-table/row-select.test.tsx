// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { DataTable } from "./data-table";
import { columnsFor } from "./features";
import { RangeSelectionContext, selectColumn, selectRange, useRangeSelection } from "./row-select";
import { useDataTable } from "./use-data-table";

interface Market {
  id: number;
  name: string;
}

const columns = [selectColumn<Market>((m) => m.name), columnsFor<Market>().accessor("name", { id: "name", header: "Market" })];
const markets: Market[] = ["Shots", "Corners", "Bookings", "Fouls", "Cards"].map((name, i) => ({ id: i + 1, name }));
const ROW_IDS = markets.map((m) => String(m.id));

function Harness({ resetKey = "a" }: { resetKey?: string }) {
  const selection = useRangeSelection(ROW_IDS, resetKey);
  const table = useDataTable({ data: markets, columns, getRowId: (m) => String(m.id), selection });
  return (
    <RangeSelectionContext.Provider value={selection}>
      <DataTable table={table} caption="Markets" />
      <output>{selection.ids.join(",")}</output>
    </RangeSelectionContext.Provider>
  );
}

const box = (name: string) => screen.getByRole("checkbox", { name: `Select ${name}` });
const picked = () => screen.getByRole("status").textContent;

afterEach(cleanup);

describe("selectRange", () => {
  it("sets every row between the anchor and the target, in either direction", () => {
    expect(selectRange(["1", "2", "3", "4"], {}, "3", "1", true)).toEqual({ 1: true, 2: true, 3: true });
    expect(selectRange(["1", "2", "3", "4"], { 1: true, 2: true, 3: true, 4: true }, "2", "3", false)).toEqual({ 1: true, 4: true });
  });

  it("without an anchor on the page, sets only the target", () => {
    expect(selectRange(["1", "2", "3"], {}, null, "2", true)).toEqual({ 2: true });
    expect(selectRange(["1", "2", "3"], {}, "9", "2", true)).toEqual({ 2: true });
  });
});

describe("row selection", () => {
  it("toggles one row on click and a range on shift-click", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(box("Corners"));
    expect(picked()).toBe("2");
    await user.keyboard("{Shift>}");
    await user.click(box("Fouls"));
    await user.keyboard("{/Shift}");
    expect(picked()).toBe("2,3,4");
    await user.click(box("Bookings"));
    expect(picked()).toBe("2,4");
  });

  it("selects the whole page from the header, and says when only some rows are", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const all = screen.getByRole("checkbox", { name: "Select every row on this page" }) as HTMLInputElement;
    await user.click(box("Shots"));
    expect(all.indeterminate).toBe(true);
    await user.click(all);
    expect(picked()).toBe("1,2,3,4,5");
    await user.click(all);
    expect(picked()).toBe("");
  });

  it("starts again with nothing selected on another view", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Harness resetKey="a" />);
    await user.click(box("Shots"));
    rerender(<Harness resetKey="b" />);
    expect(picked()).toBe("");
  });
});
