"use client";
// The triage list: tabs, filters, table and pagination, all driven by the URL. Changing the view
// keeps the previous rows on screen (dimmed) until the next page arrives, so nothing jumps.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { unmappedQueries } from "@/lib/api/unmapped";
import type { SettableStatus } from "../use-quick-status";
import type { UnmappedItem } from "@/lib/contract/unmapped";
import { DEFAULT_VIEW, listHref, listQuery, tabCountQuery, viewFilter } from "@/lib/url-state/unmapped-view";
import { ExportLink } from "./export-link";
import { hasNextPage } from "@/components/data-table/page-total";
import { isRefreshing, ListPage } from "@/components/data-table/list-page";
import { useIsClient } from "@/components/ui/clock";
import { useUrlSearch } from "@/components/url-state/url-state-adapter";
import { useQuickStatus } from "../use-quick-status";
import { ListFilters } from "./list-filters";
import { EmptyList } from "./list-states";
import { StatusTabs } from "./status-tabs";
import { UnmappedTable } from "./unmapped-table";
import { useListKeyboard } from "./use-list-keyboard";
import { useRowSelection } from "./use-row-selection";
import { useBulkSelection } from "./use-bulk-selection";
import { BulkBar } from "./bulk-bar";
import { useUndo } from "@/components/triage/use-undo";
import { detailHref, useUnmappedView } from "./use-unmapped-view";
import { loadState } from "@/components/data-table/load-state";

const NO_ITEMS: UnmappedItem[] = [];

export function UnmappedListPage() {
  const [view, navigate] = useUnmappedView();
  const list = useQuery({ ...unmappedQueries.list(listQuery(view)), placeholderData: keepPreviousData });
  // Tells "no markets at all" (run a scrape) from "none in this tab" (all triaged).
  const all = useQuery(unmappedQueries.list(tabCountQuery(DEFAULT_VIEW, "ALL")));
  const quickStatus = useQuickStatus();
  const isClient = useIsClient();
  // The list's query as it is in the address bar: the detail page's way back to this very view.
  const from = useUrlSearch().toString();

  const items = list.data?.items ?? NO_ITEMS;
  const settled = list.data !== undefined && !list.isPlaceholderData;
  const selection = useRowSelection(items, from, settled);
  const bulk = useBulkSelection(items, from);
  const { undoLatest } = useUndo();
  const router = useRouter();

  // A changed filter starts on the first page, and is no longer the saved view it was opened from.
  const change = useCallback((patch: Parameters<typeof navigate>[0]) => navigate({ page: 1, view: null, ...patch }), [navigate]);

  // Positions come from the page on screen, which lags the view while the next page loads.
  const offset = list.data ? (list.data.page - 1) * list.data.pageSize : 0;
  const href = useCallback((item: UnmappedItem, index: number) => detailHref(item.id, from, offset + index), [from, offset]);
  const { mutate } = quickStatus;
  const { triaged, select } = selection;
  const setStatus = useCallback(
    (item: UnmappedItem, status: SettableStatus) => {
      if (item.status === status) return;
      triaged(item);
      mutate({ item, status });
    },
    [mutate, triaged],
  );
  const onFocus = useCallback((id: number) => select(id, "never"), [select]);

  useListKeyboard({
    count: items.length,
    selected: selection.index === -1 ? null : selection.index,
    select: (index) => items[index] && select(items[index].id),
    // Through the row's own link, so its pending spinner shows while the market loads.
    open: () => (selection.selectedId === null ? undefined : selection.link(selection.selectedId)?.click()),
    setStatus: (index, status) => items[index] && setStatus(items[index], status),
    nextPage: () => {
      if (!list.data || !hasNextPage(view.page, list.data)) return false;
      selection.selectEdge("first");
      navigate({ page: view.page + 1 });
      return true;
    },
    prevPage: () => {
      if (view.page <= 1) return false;
      selection.selectEdge("last");
      navigate({ page: view.page - 1 });
      return true;
    },
    toggleCheck: bulk.toggleCheck,
    extend: (from, to) => {
      bulk.extend(from, to);
      if (items[to]) select(items[to].id);
    },
    assignToMe: bulk.assignToMe,
    snooze: bulk.snooze,
    undo: undoLatest,
    comment: (index) => items[index] && router.push(`${href(items[index], index)}#comment`),
  });

  let state = loadState(list, { rows: Math.min(view.pageSize, 14), errorTitle: "The markets could not be loaded" });
  if (!state && items.length === 0)
    state = {
      kind: "message",
      content: (
        <EmptyList
          view={view}
          anyMarkets={all.data ? all.data.total > 0 : undefined}
          total={list.data?.total ?? 0}
          totalCapped={list.data?.totalCapped ?? false}
          onChange={navigate}
        />
      ),
    };

  const refreshing = isRefreshing(list);
  return (
    <ListPage
      title="Unmapped markets"
      intro="Competitor markets no mapping covers: their odds are missing from the comparison until they are mapped."
      controls={
        <>
          <StatusTabs view={view} onChange={navigate} />
          <ListFilters view={view} onChange={change} />
          <ExportLink view={view} />
          {bulk.checked && bulk.ids.length > 0 && (
            <BulkBar
              handleRef={bulk.barRef}
              ids={bulk.ids}
              onlyName={bulk.onlyName}
              matching={{ total: list.data?.total ?? 0, capped: list.data?.totalCapped ?? false, filter: viewFilter(view) }}
              allMatching={bulk.allMatching}
              pageFull={bulk.ids.length === items.length}
              onAllMatching={bulk.setAllMatching}
              onClear={bulk.checked.clear}
            />
          )}
        </>
      }
      query={list}
      status={selection.note}
      hydrated={isClient}
      paging={{ id: "list", nothing: "No markets", view, href: listHref, onView: navigate }}
    >
      <UnmappedTable
        view={view}
        items={items}
        total={list.data?.total}
        selectedId={selection.selectedId}
        checked={bulk.checked}
        onSort={(sort, order) => change({ sort, order })}
        busy={refreshing}
        state={state}
        href={href}
        linkRef={selection.linkRef}
        onFocus={onFocus}
        onStatus={setStatus}
      />
    </ListPage>
  );
}
