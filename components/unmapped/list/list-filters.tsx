"use client";
import { PLATFORMS, REASONS } from "@/lib/contract/enums";
import { DEFAULT_VIEW, hasFilters, type ListView } from "@/lib/unmapped-view";
import { DebouncedInput } from "@/components/ui/debounced-input";
import { PLATFORM_LABEL, REASON_LABEL } from "../labels";

export const SEARCH_INPUT_ID = "market-search";

interface Props {
  view: ListView;
  onChange: (patch: Partial<ListView>) => void;
}

export function ListFilters({ view, onChange }: Props) {
  return (
    <form className="filters" role="search" aria-label="Filter markets" onSubmit={(e) => e.preventDefault()}>
      <div className="search-field">
        <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
          Search market name or external id
        </label>
        <span className="search-icon" aria-hidden="true" />
        <DebouncedInput
          id={SEARCH_INPUT_ID}
          type="search"
          className="input"
          placeholder="Search name or external id"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={view.q}
          onCommit={(q) => onChange({ q })}
        />
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      </div>

      <div className="field-inline">
        <label htmlFor="filter-source">Platform</label>
        <select
          id="filter-source"
          className="select"
          value={view.source ?? ""}
          onChange={(e) => onChange({ source: PLATFORMS.find((p) => p === e.target.value) ?? null })}
        >
          <option value="">All</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABEL[p]}
            </option>
          ))}
        </select>
      </div>

      <div className="field-inline">
        <label htmlFor="filter-reason">Reason</label>
        <select
          id="filter-reason"
          className="select"
          value={view.reason ?? ""}
          onChange={(e) => onChange({ reason: REASONS.find((r) => r === e.target.value) ?? null })}
        >
          <option value="">All</option>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {REASON_LABEL[r]}
            </option>
          ))}
        </select>
      </div>

      <div className="field-inline">
        <label htmlFor="filter-min-occurrences">Min. sightings</label>
        <DebouncedInput
          id="filter-min-occurrences"
          type="number"
          className="input input-number"
          inputMode="numeric"
          min={0}
          step={1}
          placeholder="0"
          value={view.minOccurrences === null ? "" : String(view.minOccurrences)}
          delay={400}
          onCommit={(raw) => {
            const n = Number.parseInt(raw, 10);
            onChange({ minOccurrences: Number.isFinite(n) && n > 0 ? Math.min(n, 2_147_483_647) : null });
          }}
        />
      </div>

      {hasFilters(view) && (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => onChange({ q: DEFAULT_VIEW.q, source: null, reason: null, minOccurrences: null })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
