"use client";
// The layout both lists share: title and introduction, tabs and filters, a banner when a refresh
// failed, the scrolling table, and the pagination bar, all fed by the list's query. Also its
// loading skeleton.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { RetryBanner } from "@/components/ui/retry-banner";
import { cx } from "@/components/ui/cx";
import { Skeleton } from "@/components/ui/skeleton";
import type { ShownPage } from "./page-total";
import { Pagination } from "./pagination";
import styles from "./list.module.css";

interface Props<V extends { page: number; pageSize: number }> {
  title: string;
  intro: ReactNode;
  /** Beside the title: what the page lets you make. */
  actions?: ReactNode;
  /** Tabs and filters, under the title. */
  controls: ReactNode;
  /** The query of the page on screen: a failed refresh, rows being replaced, what the pagination shows. */
  query: UseQueryResult<ShownPage>;
  /** Said politely to screen readers and shown under the controls, e.g. that the selected row left the view. */
  status?: string;
  hydrated: boolean;
  paging: Paging<V>;
  children: ReactNode;
}

/** The list's paging: the view's page and size, its URL for another page, how to move there. */
interface Paging<V extends { page: number; pageSize: number }> {
  /** Names the pagination's summary (`<id>-summary`, which the table refers to) and size select. */
  id: string;
  /** "No markets", "No mappings". */
  nothing: string;
  view: V;
  href: (view: V) => string;
  onView: (patch: Partial<V>) => void;
}

/** The rows on screen are the previous view's, kept while this one loads. */
export const isRefreshing = (query: UseQueryResult<unknown>) => query.isFetching && query.isPlaceholderData;

export function ListPage<V extends { page: number; pageSize: number }>({
  title,
  intro,
  actions,
  controls,
  query,
  status,
  hydrated,
  paging: { id, nothing, view, href, onView },
  children,
}: Props<V>) {
  return (
    <div className={styles.listPage} data-hydrated={hydrated || undefined}>
      <header className={styles.listHeader}>
        <div className={styles.listTitle}>
          <h1>{title}</h1>
          <p className="muted">{intro}</p>
          {actions && <div className={styles.listActions}>{actions}</div>}
        </div>
        {controls}
        <p className={styles.listStatus} role="status" aria-live="polite">
          {status}
        </p>
      </header>
      {/* A failed refresh over rows of this very view (the last good ones); over another view's rows the table shows the failure (loadState). */}
      {query.isError && query.data && !query.isPlaceholderData && (
        <RetryBanner what="Could not refresh the list" error={query.error} onRetry={() => void query.refetch()} />
      )}
      <div className={cx(styles.tableScroll, isRefreshing(query) && styles.tableScrollLoading)}>{children}</div>
      <Pagination
        summaryId={`${id}-summary`}
        pageSizeId={`${id}-page-size`}
        page={view.page}
        pageSize={view.pageSize}
        shown={query.data}
        loading={query.isFetching}
        nothing={nothing}
        hrefOf={(page) => href({ ...view, page })}
        onPage={(page) => onView({ page } as Partial<V>)}
        // A new size starts again on the first page.
        onPageSize={(pageSize) => onView({ page: 1, pageSize } as Partial<V>)}
      />
    </div>
  );
}

/** What a list page shows while the server renders it. */
export function ListLoading({ label, titleWidth }: { label: string; titleWidth: string }) {
  return (
    <div className={styles.listPage} role="status" aria-label={label}>
      <div className={styles.listHeader}>
        <Skeleton width={titleWidth} height="1.4rem" />
        <Skeleton width="30rem" />
        <Skeleton width="100%" height="2rem" />
      </div>
      <div className={cx(styles.tableScroll, styles.pagePad, "stack-tight")}>
        {Array.from({ length: 12 }, (_, i) => (
          <Skeleton key={i} width="100%" height="1.6rem" />
        ))}
      </div>
    </div>
  );
}
