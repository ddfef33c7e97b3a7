"use client";
import {
  ACTIVE_FILTERS,
  hasMappingFilters,
  MAPPING_FILTERS_CLEARED,
  MAPPING_ORIGINS,
  MAPPING_PLATFORMS,
  MAPPING_SEARCH_MAX,
  type ActiveFilter,
  type MappingsView,
} from "@/lib/url-state/mappings-view";
import { FilterBar, type FilterSpec } from "@/components/data-table/filters";
import { MAPPING_PLATFORM_LABEL, ORIGIN_LABEL } from "./labels";

export const MAPPING_SEARCH_ID = "mapping-search";

const ACTIVE_LABEL: Record<ActiveFilter, string> = {
  true: "Active (used by the scraper)",
  false: "Overridden or deactivated",
  all: "All",
};

const FILTERS: FilterSpec<MappingsView> = {
  label: "Filter mappings",
  search: {
    id: MAPPING_SEARCH_ID,
    label: "Search name, canonical id or platform id",
    placeholder: "Search name, canonical id or platform id",
    maxLength: MAPPING_SEARCH_MAX,
  },
  selects: [
    { field: "origin", label: "Origin", any: "All", options: MAPPING_ORIGINS, labels: ORIGIN_LABEL },
    { field: "platform", label: "Has an id on", any: "Any platform", options: MAPPING_PLATFORMS, labels: MAPPING_PLATFORM_LABEL },
    { field: "active", label: "Status", options: ACTIVE_FILTERS, labels: ACTIVE_LABEL },
  ],
  cleared: MAPPING_FILTERS_CLEARED,
  isFiltered: hasMappingFilters,
};

export function MappingsFilters({ view, onChange }: { view: MappingsView; onChange: (patch: Partial<MappingsView>) => void }) {
  return <FilterBar spec={FILTERS} view={view} onChange={onChange} />;
}
