"use client";
import { PLATFORMS, REASONS } from "@/lib/contract/enums";
import { unmappedListQuerySchema } from "@/lib/contract/unmapped";
import { FILTERS_CLEARED, hasFilters, type UnmappedView } from "@/lib/url-state/unmapped-view";
import { FilterBar, MinimumFilter, SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { PLATFORM_LABEL, REASON_LABEL } from "../labels";

export const SEARCH_INPUT_ID = "market-search";
const MAX_MIN_OCCURRENCES = unmappedListQuerySchema.shape.minOccurrences.unwrap().maxValue ?? Number.MAX_SAFE_INTEGER;

export function ListFilters({ view, onChange }: { view: UnmappedView; onChange: (patch: Partial<UnmappedView>) => void }) {
  return (
    <FilterBar label="Filter markets" canClear={hasFilters(view)} onClear={() => onChange(FILTERS_CLEARED)}>
      <SearchFilter
        id={SEARCH_INPUT_ID}
        label="Search market name or external id"
        placeholder="Search name or external id"
        value={view.q}
        onCommit={(q) => onChange({ q })}
      />
      <SelectFilter
        id="filter-source"
        label="Platform"
        any="All"
        value={view.source}
        options={PLATFORMS}
        labelOf={(p) => PLATFORM_LABEL[p]}
        onChange={(source) => onChange({ source })}
      />
      <SelectFilter
        id="filter-reason"
        label="Reason"
        any="All"
        value={view.reason}
        options={REASONS}
        labelOf={(r) => REASON_LABEL[r]}
        onChange={(reason) => onChange({ reason })}
      />
      <MinimumFilter
        id="filter-min-occurrences"
        label="Min. sightings"
        value={view.minOccurrences}
        max={MAX_MIN_OCCURRENCES}
        onChange={(minOccurrences) => onChange({ minOccurrences })}
      />
    </FilterBar>
  );
}
