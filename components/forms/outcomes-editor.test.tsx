// @vitest-environment jsdom
import { zodResolver } from "@hookform/resolvers/zod";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FormProvider, useForm } from "react-hook-form";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EMPTY_OUTCOME, draftOf, mappingEditSchema, type MappingDraft } from "@/components/mappings/mapping-draft";
import { MappingOutcomes } from "@/components/mappings/mapping-outcomes";
import { tacklesMapping } from "@/components/mappings/test-fixtures";

const mapping = tacklesMapping;

function Harness({ onSubmit }: { onSubmit: (values: unknown) => void }) {
  const form = useForm<MappingDraft>({
    defaultValues: { ...draftOf(mapping), reason: "test" },
    resolver: zodResolver(mappingEditSchema) as never,
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
        <MappingOutcomes caption="Outcomes" describedBy="hint" />
        <button type="submit">Save</button>
      </form>
    </FormProvider>
  );
}

const rows = () =>
  within(screen.getByRole("table", { name: "Outcomes" }))
    .getAllByRole("row")
    .slice(1);
const cell = (label: string) => screen.getByRole("textbox", { name: label });

afterEach(cleanup);

describe("the outcomes editor", () => {
  it("adds, moves and removes rows, and submits them in display order", async () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    expect(rows()).toHaveLength(2);
    await userEvent.click(screen.getByRole("button", { name: "+ Add outcome" }));
    expect(rows()).toHaveLength(3);
    expect(cell("Row 3 canonical outcome id")).toHaveProperty("value", EMPTY_OUTCOME.canonicalId);
    await userEvent.type(cell("Row 3 canonical outcome id"), "exactly_3");
    await userEvent.type(cell("Row 3 betpawa name"), "Exactly 3");
    await userEvent.click(screen.getByRole("button", { name: "Move row 3 up" }));
    expect(cell("Row 2 canonical outcome id")).toHaveProperty("value", "exactly_3");
    expect(screen.getByRole("button", { name: "Move row 1 up" })).toHaveProperty("disabled", true);
    await userEvent.click(screen.getByRole("button", { name: "Remove row 1" }));
    expect(rows()).toHaveLength(2);

    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledOnce();
    const submitted = onSubmit.mock.calls[0][0] as { outcomes: { canonicalId: string; betpawaName: string | null; position: number }[] };
    expect(submitted.outcomes.map((o) => [o.canonicalId, o.betpawaName, o.position])).toEqual([
      ["exactly_3", "Exactly 3", 0],
      ["under", "Under", 1],
    ]);
  });

  it("shows the contract's message beside the cell it is about, and submits nothing", async () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "+ Add outcome" }));
    await userEvent.type(cell("Row 3 canonical outcome id"), "Exactly 3");
    await userEvent.clear(cell("Row 1 canonical outcome id"));
    await userEvent.type(cell("Row 1 canonical outcome id"), "under");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();

    const bad = cell("Row 3 canonical outcome id");
    expect(bad.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(bad.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "use lower-case letters, digits and _ only",
    );
    // The duplicate is a rule over all rows: it names the outcomes, not one cell.
    expect(screen.queryByText("outcome canonicalIds must be unique")).toBeNull();

    // Fixed as typed: the message goes away (revalidated on change after a submit).
    await userEvent.clear(bad);
    await userEvent.type(bad, "exactly_3");
    expect(cell("Row 3 canonical outcome id").getAttribute("aria-invalid")).toBeNull();
  });

  it("a removed row takes its error with it", async () => {
    render(<Harness onSubmit={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "+ Add outcome" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(cell("Row 3 canonical outcome id").getAttribute("aria-invalid")).toBe("true");
    await userEvent.click(screen.getByRole("button", { name: "Remove row 3" }));
    expect(rows()).toHaveLength(2);
    expect(screen.queryAllByRole("textbox").filter((t) => t.getAttribute("aria-invalid") === "true")).toEqual([]);
  });
});
