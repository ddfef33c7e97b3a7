"use client";
import { DebouncedInput } from "@/components/ui/debounced-input";
import { MAPPING_PLATFORM_LABEL, ORIGIN_LABEL } from "./labels";
import {
  DEFAULT_MAPPINGS_VIEW,
  hasMappingFilters,
  MAPPING_ORIGINS,
  MAPPING_PLATFORMS,
  type ActiveFilter,
  type MappingsView,
} from "./mappings-view";

export const MAPPING_SEARCH_ID = "mapping-search";

const ACTIVE_OPTIONS: [ActiveFilter, string][] = [
  ["true", "Active (used by the scraper)"],
  ["false", "Overridden or deactivated"],
  ["all", "All"],
];

export function MappingsFilters({ view, onChange }: { view: MappingsView; onChange: (patch: Partial<MappingsView>) => void }) {
  return (
    <form className="filters" role="search" aria-label="Filter mappings" onSubmit={(e) => e.preventDefault()}>
      <div className="search-field">
        <label htmlFor={MAPPING_SEARCH_ID} className="visually-hidden">
          Search name, canonical id or platform id
        </label>
        <span className="search-icon" aria-hidden="true" />
        <DebouncedInput
          id={MAPPING_SEARCH_ID}
          type="search"
          className="input"
          placeholder="Search name, canonical id or platform id"
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
        <label htmlFor="filter-origin">Origin</label>
        <select
          id="filter-origin"
          className="select"
          value={view.origin ?? ""}
          onChange={(e) => onChange({ origin: MAPPING_ORIGINS.find((o) => o === e.target.value) ?? null })}
        >
          <option value="">All</option>
          {MAPPING_ORIGINS.map((o) => (
            <option key={o} value={o}>
              {ORIGIN_LABEL[o]}
            </option>
          ))}
        </select>
      </div>

      <div className="field-inline">
        <label htmlFor="filter-platform">Has an id on</label>
        <select
          id="filter-platform"
          className="select"
          value={view.platform ?? ""}
          onChange={(e) => onChange({ platform: MAPPING_PLATFORMS.find((p) => p === e.target.value) ?? null })}
        >
          <option value="">Any platform</option>
          {MAPPING_PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {MAPPING_PLATFORM_LABEL[p]}
            </option>
          ))}
        </select>
      </div>

      <div className="field-inline">
        <label htmlFor="filter-active">Status</label>
        <select
          id="filter-active"
          className="select"
          value={view.active}
          onChange={(e) => onChange({ active: ACTIVE_OPTIONS.find(([v]) => v === e.target.value)?.[0] ?? "true" })}
        >
          {ACTIVE_OPTIONS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>

      {hasMappingFilters(view) && (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => onChange({ q: "", origin: null, platform: null, active: DEFAULT_MAPPINGS_VIEW.active })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
