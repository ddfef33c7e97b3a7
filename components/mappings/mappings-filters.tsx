"use client";
import {
  ACTIVE_FILTERS,
  hasMappingFilters,
  MAPPING_FILTERS_CLEARED,
  MAPPING_ORIGINS,
  MAPPING_PLATFORMS,
  type ActiveFilter,
  type MappingsView,
} from "@/lib/url-state/mappings-view";
import { FilterBar, SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { MAPPING_PLATFORM_LABEL, ORIGIN_LABEL } from "./labels";

export const MAPPING_SEARCH_ID = "mapping-search";

const ACTIVE_LABEL: Record<ActiveFilter, string> = {
  true: "Active (used by the scraper)",
  false: "Overridden or deactivated",
  all: "All",
};

export function MappingsFilters({ view, onChange }: { view: MappingsView; onChange: (patch: Partial<MappingsView>) => void }) {
  return (
    <FilterBar label="Filter mappings" canClear={hasMappingFilters(view)} onClear={() => onChange(MAPPING_FILTERS_CLEARED)}>
      <SearchFilter
        id={MAPPING_SEARCH_ID}
        label="Search name, canonical id or platform id"
        placeholder="Search name, canonical id or platform id"
        value={view.q}
        onCommit={(q) => onChange({ q })}
      />
      <SelectFilter
        id="filter-origin"
        label="Origin"
        any="All"
        value={view.origin}
        options={MAPPING_ORIGINS}
        labelOf={(o) => ORIGIN_LABEL[o]}
        onChange={(origin) => onChange({ origin })}
      />
      <SelectFilter
        id="filter-platform"
        label="Has an id on"
        any="Any platform"
        value={view.platform}
        options={MAPPING_PLATFORMS}
        labelOf={(p) => MAPPING_PLATFORM_LABEL[p]}
        onChange={(platform) => onChange({ platform })}
      />
      <SelectFilter
        id="filter-active"
        label="Status"
        value={view.active}
        options={ACTIVE_FILTERS}
        labelOf={(a) => ACTIVE_LABEL[a]}
        onChange={(active) => onChange({ active: active ?? "true" })}
      />
    </FilterBar>
  );
}
