"use client";
// The filter bar both lists use: a debounced search, selects, and "Clear filters" while any
// filter is set. Values reach the URL (the owner) only when committed.
import type { ReactNode } from "react";
import { DebouncedInput } from "@/components/ui/debounced-input";
import styles from "./list.module.css";

export function FilterBar({
  label,
  children,
  canClear,
  onClear,
}: {
  label: string;
  children: ReactNode;
  canClear: boolean;
  onClear: () => void;
}) {
  return (
    <form className={styles.filters} role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {children}
      {canClear && (
        <button type="button" className="button button-ghost button-small" onClick={onClear}>
          Clear filters
        </button>
      )}
    </form>
  );
}

/** The search box; "/" focuses it (the page's shortcut), Escape clears it. */
export function SearchFilter({
  id,
  label,
  placeholder,
  value,
  onCommit,
}: {
  id: string;
  label: string;
  placeholder: string;
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
        maxLength={200}
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
  labelOf: (value: T) => string;
  /** The empty choice, e.g. "All"; without it a value is always chosen. */
  any?: string;
  onChange: (value: T | null) => void;
}

export function SelectFilter<T extends string>({ id, label, value, options, labelOf, any, onChange }: SelectProps<T>) {
  return (
    <div className="field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value ?? ""} onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? null)}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
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
