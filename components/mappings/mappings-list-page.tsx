"use client";
// The mappings browser: built-in and user mappings as the scraper sees them, searchable and
// filterable, driven by the URL like the unmapped list. Rows open the mapping's page.
import { errorMessage } from "@/lib/api/errors";
import { mappingQueries } from "@/lib/api/mappings";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, type MouseEvent, type ReactNode } from "react";
import type { MappingItem } from "@/lib/contract/mappings";
import { useHotkeys } from "@/components/keyboard/use-hotkeys";
import { useIsClient } from "@/components/ui/clock";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { formatCount } from "@/components/ui/format";
import { LinkPending } from "@/components/ui/link-pending";
import { Skeleton } from "@/components/ui/skeleton";
import { MappingStateBadge, OriginBadge, PlatformId } from "./labels";
import { MappingsFilters, MAPPING_SEARCH_ID } from "./mappings-filters";
import { MappingsPagination } from "./mappings-pagination";
import { DEFAULT_MAPPINGS_VIEW, mappingsQuery, type MappingsView } from "./mappings-view";
import { useMappingsView, useNavigateMappingsView } from "./use-mappings-view";
import "./mappings.css";

const COLUMNS = 8;

export const mappingHref = (canonicalId: string) => `/mappings/${encodeURIComponent(canonicalId)}`;

function FullRow({ children }: { children: ReactNode }) {
  return (
    <tr>
      <td colSpan={COLUMNS} className="cell-state">
        {children}
      </td>
    </tr>
  );
}

function MappingRow({ item }: { item: MappingItem }) {
  const router = useRouter();
  const href = mappingHref(item.canonicalId);
  const open = (e: MouseEvent<HTMLTableRowElement>) => {
    if ((e.target as HTMLElement).closest("a, button, input, select")) return;
    if (window.getSelection()?.toString()) return;
    if (e.metaKey || e.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  };
  return (
    <tr className="row" onClick={open} data-canonical-id={item.canonicalId} data-origin={item.origin}>
      <td className="cell-name">
        <Link href={href} prefetch={false} className="row-link" title={item.name}>
          {item.name}
          <LinkPending />
        </Link>
      </td>
      <td className="cell-mono" title={item.canonicalId}>
        {item.canonicalId}
      </td>
      <td>
        <OriginBadge origin={item.origin} />
      </td>
      <td className="cell-mono">
        <PlatformId value={item.betpawaId} platform="betpawa" />
      </td>
      <td className="cell-mono">
        <PlatformId value={item.sportybetId} platform="sportybet" />
      </td>
      <td className="cell-mono" title={item.bet9jaKey ?? undefined}>
        <PlatformId value={item.bet9jaKey} platform="bet9ja" />
      </td>
      <td className="num">{formatCount(item.outcomeCount)}</td>
      <td>
        <MappingStateBadge mapping={item} />
      </td>
    </tr>
  );
}

function SkeletonRows({ rows }: { rows: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} className="row row-skeleton">
          {Array.from({ length: COLUMNS }, (_, c) => (
            <td key={c}>
              <Skeleton width={c === 0 ? `${50 + ((r * 17) % 40)}%` : "60%"} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

export function MappingsListPage() {
  const view = useMappingsView();
  const navigate = useNavigateMappingsView();
  const query = mappingsQuery(view);
  const list = useQuery({
    ...mappingQueries.list(query),
    placeholderData: keepPreviousData,
  });
  const isClient = useIsClient();
  const change = useCallback((patch: Partial<MappingsView>) => navigate({ ...view, page: 1, ...patch }), [navigate, view]);
  const clear = () => change({ q: "", origin: null, platform: null, active: DEFAULT_MAPPINGS_VIEW.active });

  useHotkeys({
    "/": (e) => {
      e.preventDefault();
      const input = document.getElementById(MAPPING_SEARCH_ID);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
    },
  });

  const items = list.data?.items ?? [];
  const total = list.data?.total;
  let body: ReactNode;
  if (list.isPending) body = <SkeletonRows rows={12} />;
  else if (list.isError && !list.data)
    body = (
      <FullRow>
        <ErrorState
          title="The mappings could not be loaded"
          message={errorMessage(list.error)}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      </FullRow>
    );
  else if (items.length === 0 && (total ?? 0) > 0)
    body = (
      <FullRow>
        <EmptyState
          title="This page is past the end of the list"
          actions={
            <button type="button" className="button" onClick={() => change({ page: 1 })}>
              Go to the first page
            </button>
          }
        >
          <p>The list has fewer pages now than when this link was made.</p>
        </EmptyState>
      </FullRow>
    );
  else if (items.length === 0)
    body = (
      <FullRow>
        <EmptyState
          title="No mappings match these filters"
          actions={
            <button type="button" className="button" onClick={clear}>
              Clear filters
            </button>
          }
        >
          <p>Search matches a mapping&apos;s name, its canonical id and its betpawa, SportyBet and Bet9ja ids.</p>
        </EmptyState>
      </FullRow>
    );
  else body = items.map((item) => <MappingRow key={`${item.origin}-${item.canonicalId}`} item={item} />);

  const refreshing = list.isFetching && list.isPlaceholderData;
  return (
    <div className="list-page" data-hydrated={isClient || undefined}>
      <header className="list-header">
        <div className="list-title">
          <h1>Mappings</h1>
          <p className="muted">
            How each competitor market id maps onto a canonical betpawa market. Built-in entries ship with the app; a user mapping with the
            same id overrides one.
          </p>
        </div>
        <MappingsFilters view={view} onChange={change} />
      </header>
      {list.isError && list.data && (
        <div className="banner banner-danger" role="alert">
          <span>Could not refresh the list: {errorMessage(list.error)}</span>
          <button type="button" className="button button-small" onClick={() => void list.refetch()}>
            Retry
          </button>
        </div>
      )}
      <div className={refreshing ? "table-scroll table-scroll-loading" : "table-scroll"}>
        <table className={refreshing ? "table table-busy" : "table"} aria-busy={refreshing} aria-describedby="mappings-summary">
          <caption className="visually-hidden">Mappings{total !== undefined ? `: ${formatCount(total)}` : ""}</caption>
          <colgroup>
            <col className="col-name" />
            <col className="col-canonical" />
            <col className="col-origin" />
            <col className="col-pid" />
            <col className="col-pid" />
            <col className="col-pkey" />
            <col className="col-outcomes" />
            <col className="col-state" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Canonical id</th>
              <th scope="col">Origin</th>
              <th scope="col">betpawa id</th>
              <th scope="col">SportyBet id</th>
              <th scope="col">Bet9ja key</th>
              <th scope="col" className="num">
                Outcomes
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      <MappingsPagination view={view} shown={list.data} onPageSize={(pageSize) => change({ pageSize })} />
    </div>
  );
}
