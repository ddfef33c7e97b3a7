"use client";
import { PLATFORMS, REASONS } from "@/lib/contract/enums";
import { unmappedListQuerySchema } from "@/lib/contract/unmapped";
import { FILTERS_CLEARED, hasFilters, type UnmappedView } from "@/lib/url-state/unmapped-view";
import { FilterBar, MinimumFilter, type FilterSpec } from "@/components/data-table/filters";
import { AssigneeFilter } from "@/components/triage/assignee-picker";
import { PLATFORM_LABEL, REASON_LABEL } from "../labels";

export const SEARCH_INPUT_ID = "market-search";
const { minOccurrences, q } = unmappedListQuerySchema.shape;
const MAX_MIN_OCCURRENCES = minOccurrences.unwrap().maxValue ?? Number.MAX_SAFE_INTEGER;

const FILTERS: FilterSpec<UnmappedView> = {
  label: "Filter markets",
  search: {
    id: SEARCH_INPUT_ID,
    label: "Search market name or external id",
    placeholder: "Search name or external id",
    maxLength: q.unwrap().maxLength,
  },
  selects: [
    { field: "source", label: "Platform", any: "All", options: PLATFORMS, labels: PLATFORM_LABEL },
    { field: "reason", label: "Reason", any: "All", options: REASONS, labels: REASON_LABEL },
  ],
  cleared: FILTERS_CLEARED,
  isFiltered: hasFilters,
};

export function ListFilters({ view, onChange }: { view: UnmappedView; onChange: (patch: Partial<UnmappedView>) => void }) {
  return (
    <FilterBar spec={FILTERS} view={view} onChange={onChange}>
      <MinimumFilter
        id="filter-min-occurrences"
        label="Min. sightings"
        value={view.minOccurrences}
        max={MAX_MIN_OCCURRENCES}
        onChange={(minOccurrences) => onChange({ minOccurrences })}
      />
      <AssigneeFilter value={view.assignee} onChange={(assignee) => onChange({ assignee })} />
      <label className="field-check">
        <input
          type="checkbox"
          id="filter-escalating"
          checked={view.escalating === true}
          onChange={(e) => onChange({ escalating: e.target.checked ? true : null })}
        />
        <span>Escalating only</span>
      </label>
    </FilterBar>
  );
}
