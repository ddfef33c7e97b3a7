"use client";
// The filter bar both lists use: a debounced search, selects, and "Clear filters" while any
// filter is set. Values reach the URL (the owner) only when committed.
import type { ReactNode } from "react";
import { ChoiceSelect } from "@/components/ui/choice-select";
import { DebouncedInput } from "@/components/ui/debounced-input";
import styles from "./list.module.css";

/** A list's filters as data: the search box (on the view's `q`), a select per choice field, and how to clear them. */
export interface FilterSpec<V extends { q: string }> {
  label: string;
  /** `maxLength`: the list query's own limit on `q` (its contract schema's). */
  search: { id: string; label: string; placeholder: string; maxLength: number | null };
  selects: SelectField<V>[];
  /** The patch that clears every filter, and whether any is set now. */
  cleared: Partial<V>;
  isFiltered: (view: V) => boolean;
}

/** The bar: search, then the selects, then `children` (filters of their own kind), then "Clear filters". */
export function FilterBar<V extends { q: string }>({
  spec,
  view,
  onChange,
  children,
}: {
  spec: FilterSpec<V>;
  view: V;
  onChange: (patch: Partial<V>) => void;
  children?: ReactNode;
}) {
  return (
    <form className={styles.filters} role="search" aria-label={spec.label} onSubmit={(e) => e.preventDefault()}>
      <SearchFilter {...spec.search} value={view.q} onCommit={(q) => onChange({ q } as Partial<V>)} />
      <SelectFilters fields={spec.selects} view={view} onChange={onChange} />
      {children}
      {spec.isFiltered(view) && (
        <button type="button" className="button button-ghost button-small" onClick={() => onChange(spec.cleared)}>
          Clear filters
        </button>
      )}
    </form>
  );
}

/** The page's "/" shortcut (bind it with useHotkeys): focus the search box `id` with its text selected. */
export const focusSearch = (id: string) => (e: KeyboardEvent) => {
  e.preventDefault();
  const input = document.getElementById(id);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
};

/** The search box; "/" focuses it (the page's shortcut, `focusSearch`), Escape clears it. */
function SearchFilter({
  id,
  label,
  placeholder,
  maxLength,
  value,
  onCommit,
}: FilterSpec<{ q: string }>["search"] & {
  value: string;
  onCommit: (q: string) => void;
}) {
  return (
    <div className={styles.searchField}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <span className={styles.searchIcon} aria-hidden="true" />
      <DebouncedInput
        id={id}
        type="search"
        className="input"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength ?? undefined}
        value={value}
        onCommit={onCommit}
      />
      <kbd className={styles.searchHint} aria-hidden="true">
        /
      </kbd>
    </div>
  );
}

interface SelectProps<T extends string> {
  id: string;
  label: string;
  value: T | null;
  options: readonly T[];
  labels: Record<T, string>;
  /** The empty choice, e.g. "All"; without it a value is always chosen. */
  any?: string;
  onChange: (value: T | null) => void;
}

function SelectFilter<T extends string>({ id, label, value, options, labels, any, onChange }: SelectProps<T>) {
  const choices = [...(any !== undefined ? [{ value: "", label: any }] : []), ...options.map((o) => ({ value: o, label: labels[o] }))];
  return (
    <ChoiceSelect
      id={id}
      label={label}
      labelStyle="plain"
      value={value ?? ""}
      choices={choices}
      onChange={(v) => onChange(options.find((o) => o === v) ?? null)}
    />
  );
}

/** The fields of a list's view that hold one value of a fixed set (a code, or null for any). */
type ChoiceField<V> = { [K in keyof V]: NonNullable<V[K]> extends string ? K : never }[keyof V];

/** A select over one such field: its label, its choices in order and their words; id `filter-<field>`. */
type SelectField<V> = {
  [K in ChoiceField<V>]: {
    field: K;
    label: string;
    options: readonly (NonNullable<V[K]> & string)[];
    labels: Record<NonNullable<V[K]> & string, string>;
    any?: string;
  };
}[ChoiceField<V>];

/** The select filters, one per field; a choice patches that field of the view. */
function SelectFilters<V>({ fields, view, onChange }: { fields: SelectField<V>[]; view: V; onChange: (patch: Partial<V>) => void }) {
  return fields.map((f) => (
    <SelectFilter
      key={String(f.field)}
      id={`filter-${String(f.field)}`}
      label={f.label}
      any={f.any}
      value={view[f.field] as string | null}
      options={f.options as readonly string[]}
      labels={f.labels as Record<string, string>}
      // Without an empty choice a select always has a value: null never reaches a field that cannot hold it.
      onChange={(value) => onChange({ [f.field]: value ?? (f.any === undefined ? view[f.field] : null) } as Partial<V>)}
    />
  ));
}

/** A whole number of at least 1, or nothing. */
export function MinimumFilter({
  id,
  label,
  value,
  max,
  onChange,
}: {
  id: string;
  label: string;
  value: number | null;
  max: number;
  onChange: (value: number | null) => void;
}) {
  return (
    <div className="field-inline">
      <label htmlFor={id}>{label}</label>
      <DebouncedInput
        id={id}
        type="number"
        className="input input-number"
        inputMode="numeric"
        min={0}
        step={1}
        placeholder="0"
        value={value === null ? "" : String(value)}
        delay={400}
        onCommit={(raw) => {
          const n = Number.parseInt(raw, 10);
          onChange(Number.isFinite(n) && n > 0 ? Math.min(n, max) : null);
        }}
      />
    </div>
  );
}
