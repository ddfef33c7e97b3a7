"use client";
// The triage list: tabs, filters, table and pagination, all driven by the URL. Changing the view
// keeps the previous rows on screen (dimmed) until the next page arrives, so nothing jumps.
import { errorMessage } from "@/lib/api/errors";
import { unmappedQueries } from "@/lib/api/unmapped";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { TriageStatus } from "@/lib/contract/enums";
import type { UnmappedItem } from "@/lib/contract/unmapped";
import { listQuery, tabCountQuery, viewSearch, type ListView } from "@/lib/unmapped-view";
import { useIsClient } from "@/components/ui/clock";
import { useQuickStatus } from "../use-quick-status";
import { ListFilters } from "./list-filters";
import { ListPagination } from "./list-pagination";
import { EmptyRows, ErrorRows, SkeletonRows } from "./list-states";
import { StatusTabs } from "./status-tabs";
import { hasNextPage } from "./total";
import { UnmappedTable } from "./unmapped-table";
import { detailHref, useListView, useNavigateView } from "./use-list-view";
import { useListKeyboard } from "./use-list-keyboard";

type PendingSelection = "first" | "last" | null;

export function UnmappedListPage() {
  const view = useListView();
  const navigate = useNavigateView();
  const query = listQuery(view);
  const list = useQuery({
    ...unmappedQueries.list(query),
    placeholderData: keepPreviousData,
  });
  // Tells "no markets at all" (run a scrape) from "none in this tab" (all triaged).
  const everything = tabCountQuery({ ...view, q: "", source: null, reason: null, minOccurrences: null }, "ALL");
  const all = useQuery({ ...unmappedQueries.list(everything) });
  const quickStatus = useQuickStatus();
  const isClient = useIsClient();

  const items = list.data?.items ?? [];
  const search = viewSearch(view);
  const [selected, setSelected] = useState<number | null>(null);
  const pending = useRef<PendingSelection>(null);
  const linkRefs = useRef<(HTMLAnchorElement | null)[]>([]);
  const focusedLink = useRef<Element | null>(null);

  const change = useCallback((patch: Partial<ListView>) => navigate({ ...view, page: 1, ...patch }), [navigate, view]);

  const select = useCallback((index: number) => {
    setSelected(index);
    linkRefs.current[index]?.focus();
  }, []);

  // A new view starts without a selection, unless j/k walked off the edge of the previous page.
  const [selectionView, setSelectionView] = useState(search);
  if (selectionView !== search) {
    setSelectionView(search);
    setSelected(null);
  }
  useEffect(() => {
    if (!pending.current || list.isPlaceholderData || items.length === 0) return;
    select(pending.current === "first" ? 0 : items.length - 1);
    pending.current = null;
  }, [items, list.isPlaceholderData, select]);

  // Rows leave the tab once triaged: keep the selection on the row that took the place, and keep
  // the keyboard focus in the table instead of losing it to the page.
  useEffect(() => {
    if (selected === null || items.length === 0) return;
    const index = Math.min(selected, items.length - 1);
    if (index !== selected) setSelected(index);
    const removed = focusedLink.current !== null && !focusedLink.current.isConnected;
    const focusLost = document.activeElement === document.body || document.activeElement === null;
    if (removed && focusLost) linkRefs.current[index]?.focus();
  }, [items, selected]);

  // Positions come from the page on screen, which lags the view while the next page loads.
  const offset = list.data ? (list.data.page - 1) * list.data.pageSize : 0;
  const rowHref = (item: UnmappedItem, index: number) => detailHref(item.id, search, offset + index);
  const setStatus = (item: UnmappedItem, status: TriageStatus) => {
    if (item.status !== status) quickStatus.mutate({ item, status });
  };
  const total = list.data?.total;

  useListKeyboard({
    count: items.length,
    selected,
    select,
    // Through the row's own link, so its pending spinner shows while the market loads.
    open: (i) => linkRefs.current[i]?.click(),
    setStatus: (i, status) => items[i] && setStatus(items[i], status),
    nextPage: () => {
      if (!list.data || !hasNextPage(view.page, list.data)) return false;
      pending.current = "first";
      navigate({ ...view, page: view.page + 1 });
      return true;
    },
    prevPage: () => {
      if (view.page <= 1) return false;
      pending.current = "last";
      navigate({ ...view, page: view.page - 1 });
      return true;
    },
  });

  let body: ReactNode;
  if (list.isPending) body = <SkeletonRows rows={Math.min(view.pageSize, 14)} />;
  // Rows kept from the previous view would not match this one: show the failure instead.
  else if (list.isError && (!list.data || list.isPlaceholderData))
    body = <ErrorRows message={errorMessage(list.error)} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  else if (items.length === 0)
    body = (
      <EmptyRows
        view={view}
        anyMarkets={all.data ? all.data.total > 0 : undefined}
        total={total ?? 0}
        totalCapped={list.data?.totalCapped ?? false}
        onClearFilters={() => change({ q: "", source: null, reason: null, minOccurrences: null })}
      />
    );

  const refreshing = list.isFetching && list.isPlaceholderData;
  return (
    <div className="list-page" data-hydrated={isClient || undefined}>
      <header className="list-header">
        <div className="list-title">
          <h1>Unmapped markets</h1>
          <p className="muted">Competitor markets no mapping covers: their odds are missing from the comparison until they are mapped.</p>
        </div>
        <StatusTabs view={view} />
        <ListFilters view={view} onChange={change} />
      </header>
      {list.isError && list.data && !list.isPlaceholderData && (
        <div className="banner banner-danger" role="alert">
          <span>Could not refresh the list: {errorMessage(list.error)}</span>
          <button type="button" className="button button-small" onClick={() => void list.refetch()}>
            Retry
          </button>
        </div>
      )}
      <div className={refreshing ? "table-scroll table-scroll-loading" : "table-scroll"}>
        <UnmappedTable
          view={view}
          items={items}
          rowHref={rowHref}
          selected={selected}
          onSelect={(i) => {
            focusedLink.current = linkRefs.current[i];
            setSelected(i);
          }}
          onSort={(sort, order) => change({ sort, order })}
          onStatus={setStatus}
          linkRefs={linkRefs}
          busy={refreshing}
          body={body}
        />
      </div>
      <ListPagination view={view} shown={list.data} loading={list.isFetching} onPageSize={(pageSize) => change({ pageSize })} />
    </div>
  );
}
