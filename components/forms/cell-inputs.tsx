"use client";
// Inputs for the cells of an editable table, bound to a react-hook-form field by name, with the
// field's error under it (aria-invalid, aria-describedby). A cell has no label of its own: the
// column header and the aria-label name it.
import { get, useFormContext, useFormState, type FieldValues, type Path } from "react-hook-form";
import { Options } from "@/components/ui/choice-select";
import { CellError, errorA11y } from "./field";

interface CellProps<F extends FieldValues> {
  name: Path<F>;
  label: string;
  disabled?: boolean;
}

function useCellError<F extends FieldValues>(name: Path<F>) {
  const { errors } = useFormState<F>({ name });
  const message = (get(errors, name) as { message?: string } | undefined)?.message;
  const id = `${name.replace(/\./g, "-")}-error`;
  return { message, id, a11y: errorA11y(message, id) };
}

export function CellInput<F extends FieldValues>({
  name,
  label,
  disabled,
  mono,
  maxLength,
}: CellProps<F> & { mono?: boolean; maxLength?: number }) {
  const { register } = useFormContext<F>();
  const error = useCellError<F>(name);
  return (
    <>
      <input
        {...register(name)}
        className={mono ? "input input-cell mono" : "input input-cell"}
        aria-label={label}
        disabled={disabled}
        maxLength={maxLength}
        spellCheck={mono ? false : undefined}
        {...error.a11y}
      />
      <CellError id={error.id} error={error.message} />
    </>
  );
}

export function CellSelect<F extends FieldValues>({
  name,
  label,
  options,
  empty,
  onChanged,
}: CellProps<F> & { options: { value: string; label: string }[]; empty: string; onChanged?: (value: string) => void }) {
  const { register } = useFormContext<F>();
  const error = useCellError<F>(name);
  const field = register(name, { onChange: (e) => onChanged?.(e.target.value) });
  return (
    <>
      <select {...field} className="select select-cell" aria-label={label} {...error.a11y}>
        <option value="">{empty}</option>
        <Options choices={options} />
      </select>
      <CellError id={error.id} error={error.message} />
    </>
  );
}

export function CellCheckbox<F extends FieldValues>({ name, label }: CellProps<F>) {
  const { register } = useFormContext<F>();
  return <input type="checkbox" {...register(name)} aria-label={label} />;
}
