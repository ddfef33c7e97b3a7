"use client";
// The one outcomes editor: a table of outcome rows held in a react-hook-form field array, on the
// data-table kit. The mapping form edits a canonical id and a name per platform in each row; the
// mapping editor's outcome pairing chooses the market's outcome for each mapping outcome, or edits
// one row per market outcome. Columns say what each cell edits; rows are added, moved and removed
// where the form allows it.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useFieldArray, useFormContext, type ArrayPath, type FieldArray, type FieldValues } from "react-hook-form";
import { DataTable } from "@/components/data-table/data-table";
import { columnsFor, type ColumnKind } from "@/components/data-table/features";
import { useDataTable } from "@/components/data-table/use-data-table";

export interface OutcomeColumn {
  id: string;
  header: string;
  kind?: ColumnKind;
  className?: string;
  /** The cell names its row (a canonical outcome id that is not edited). */
  rowHeader?: boolean;
  cell: (index: number) => ReactNode;
}

interface Props<F extends FieldValues, N extends ArrayPath<F>> {
  /** The field array: "outcomes", "fresh.rows"… */
  name: N;
  caption: string;
  describedBy?: string;
  columns: OutcomeColumn[];
  /** How row actions name a row for screen readers: "row 2", "“Over”". */
  rowLabel: (index: number) => string;
  canMove?: boolean;
  /** Which rows may be removed; none when absent. */
  canRemove?: (index: number) => boolean;
  add?: { label: string; row: () => FieldArray<F, N> };
}

interface Row {
  key: string;
}
const col = columnsFor<Row>();

// The column definitions stay the same object while the columns' ids and headers do: a cell
// renderer is a component, and a new one on every render (every keystroke) would remount the
// inputs under the user's cursor. The configs' current cell functions come through a context.
interface Current {
  columns: OutcomeColumn[];
  actions: (index: number) => ReactNode;
}
const CurrentContext = createContext<Current | null>(null);

function ConfigCell({ id, index }: { id: string; index: number }) {
  const current = useContext(CurrentContext);
  return current?.columns.find((c) => c.id === id)?.cell(index) ?? null;
}

function ActionsCell({ index }: { index: number }) {
  return useContext(CurrentContext)?.actions(index) ?? null;
}

export function OutcomesEditor<F extends FieldValues, N extends ArrayPath<F>>({
  name,
  caption,
  describedBy,
  columns,
  rowLabel,
  canMove = false,
  canRemove,
  add,
}: Props<F, N>) {
  const { control } = useFormContext<F>();
  const { fields, append, remove, move } = useFieldArray<F, N, "key">({ control, name, keyName: "key" });
  const count = fields.length;
  const hasActions = canMove || canRemove !== undefined;

  const actions = (index: number) => (
    <>
      {canMove && (
        <>
          <button
            type="button"
            className="row-button"
            onClick={() => move(index, index - 1)}
            disabled={index === 0}
            aria-label={`Move ${rowLabel(index)} up`}
            title="Move up"
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="row-button"
            onClick={() => move(index, index + 1)}
            disabled={index === count - 1}
            aria-label={`Move ${rowLabel(index)} down`}
            title="Move down"
          >
            <span aria-hidden="true">↓</span>
          </button>
        </>
      )}
      {canRemove?.(index) && (
        <button
          type="button"
          className="row-button row-button-danger"
          onClick={() => remove(index)}
          aria-label={`Remove ${rowLabel(index)}`}
          title="Remove"
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
    </>
  );
  const shape = columns.map((c) => [c.id, c.header, c.kind, c.className, c.rowHeader]);
  const signature = JSON.stringify([shape, hasActions]);
  const tableColumns = useMemo(
    () => [
      ...(JSON.parse(signature)[0] as [string, string, OutcomeColumn["kind"], string | undefined, boolean | undefined][]).map(
        ([id, header, kind, className, rowHeader]) =>
          col.display({ id, header, meta: { kind, className, rowHeader }, cell: ({ row }) => <ConfigCell id={id} index={row.index} /> }),
      ),
      ...(hasActions
        ? [
            col.display({
              id: "actions",
              header: "Row actions",
              meta: { className: "cell-row-actions", hiddenHeader: true },
              cell: ({ row }) => <ActionsCell index={row.index} />,
            }),
          ]
        : []),
    ],
    [signature, hasActions],
  );
  const table = useDataTable({ data: fields as Row[], columns: tableColumns, getRowId: (f) => f.key });

  return (
    <CurrentContext.Provider value={{ columns, actions }}>
      <div className="edit-table-scroll">
        <DataTable table={table} caption={caption} describedBy={describedBy} variant="edit" />
      </div>
      {add && (
        <div>
          <button type="button" className="button button-small" onClick={() => append(add.row())}>
            {add.label}
          </button>
        </div>
      )}
    </CurrentContext.Provider>
  );
}
