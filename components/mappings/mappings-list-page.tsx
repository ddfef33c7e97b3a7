"use client";
// The mappings browser: built-in and user mappings as the scraper sees them, searchable and
// filterable, driven by the URL like the unmapped list, on the same table, filters and paging.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { mappingHref, mappingQueries } from "@/lib/api/mappings";
import {
  MAPPING_FILTERS_CLEARED,
  mappingsHref,
  mappingsQuery,
  mappingsViewParsers,
  type MappingsView,
} from "@/lib/url-state/mappings-view";
import { DataTable } from "@/components/data-table/data-table";
import { focusSearch } from "@/components/data-table/filters";
import { isRefreshing, ListPage } from "@/components/data-table/list-page";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useRowOpener } from "@/components/data-table/use-row-opener";
import { useHotkeys } from "@/components/keyboard/use-hotkeys";
import { useIsClient } from "@/components/ui/clock";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { MappingsFilters, MAPPING_SEARCH_ID } from "./mappings-filters";
import { MAPPING_COLUMNS } from "./mappings-columns";
import { loadState } from "@/components/data-table/load-state";
import { useCan } from "@/components/auth/use-principal";

export function MappingsListPage() {
  const open = useRowOpener();
  const [view, setView] = useQueryStates(mappingsViewParsers);
  const navigate = useCallback((patch: Partial<MappingsView>) => void setView(patch), [setView]);
  const change = useCallback((patch: Partial<MappingsView>) => navigate({ page: 1, ...patch }), [navigate]);
  const list = useQuery({ ...mappingQueries.list(mappingsQuery(view)), placeholderData: keepPreviousData });
  const isClient = useIsClient();
  const edits = useCan("mapping.edit");
  const table = useDataTable({
    data: list.data?.items ?? [],
    columns: MAPPING_COLUMNS,
    // A built-in entry and its user override share a canonical id.
    getRowId: (m) => `${m.origin}-${m.canonicalId}`,
    sorting: { sort: view.sort, order: view.order, onSort: (sort, order) => change({ sort, order }) },
    paging: { page: view.page, pageSize: view.pageSize, total: list.data?.total },
  });

  useHotkeys({ "/": focusSearch(MAPPING_SEARCH_ID) });

  const items = list.data?.items ?? [];
  const total = list.data?.total;
  let state = loadState(list, { rows: 12, errorTitle: "The mappings could not be loaded" });
  if (!state && items.length === 0 && (total ?? 0) > 0)
    state = {
      kind: "message",
      content: (
        <EmptyState
          title="This page is past the end of the list"
          actions={
            <button type="button" className="button" onClick={() => navigate({ page: 1 })}>
              Go to the first page
            </button>
          }
        >
          <p>The list has fewer pages now than when this link was made.</p>
        </EmptyState>
      ),
    };
  else if (!state && items.length === 0)
    state = {
      kind: "message",
      content: (
        <EmptyState
          title="No mappings match these filters"
          actions={
            <button type="button" className="button" onClick={() => change(MAPPING_FILTERS_CLEARED)}>
              Clear filters
            </button>
          }
        >
          <p>Search matches a mapping&apos;s name, its canonical id and its betpawa, SportyBet and Bet9ja ids.</p>
        </EmptyState>
      ),
    };

  const refreshing = isRefreshing(list);
  return (
    <ListPage
      title="Mappings"
      intro="How each competitor market id maps onto a canonical betpawa market. Built-in entries ship with the app; a user mapping with the same id overrides one."
      actions={
        edits && (
          <Link href="/mappings/new" className="button button-primary button-small">
            New mapping
          </Link>
        )
      }
      controls={<MappingsFilters view={view} onChange={change} />}
      query={list}
      hydrated={isClient}
      paging={{ id: "mappings", nothing: "No mappings", view, href: mappingsHref, onView: navigate }}
    >
      <DataTable
        table={table}
        caption={`Mappings${total !== undefined ? `: ${formatCount(total)}` : ""}`}
        busy={refreshing}
        describedBy="mappings-summary"
        state={state}
        rowProps={(row) => ({
          onClick: (e) => open(e, mappingHref(row.original.canonicalId)),
          "data-canonical-id": row.original.canonicalId,
          "data-origin": row.original.origin,
        })}
      />
    </ListPage>
  );
}
