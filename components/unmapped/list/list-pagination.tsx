"use client";
import type { ReactNode } from "react";
import { PAGE_SIZES, type ListView } from "@/lib/unmapped-view";
import { formatCount } from "@/components/ui/format";
import { formatTotal, hasNextPage } from "./total";
import { ViewLink } from "./view-link";

interface Props {
  view: ListView;
  /** The page on screen, which lags the view while the next one loads. */
  shown: { page: number; pageSize: number; total: number; totalCapped?: boolean; items: unknown[] } | undefined;
  loading: boolean;
  onPageSize: (pageSize: number) => void;
}

interface PageLinkProps {
  view: ListView;
  page: number;
  disabled: boolean;
  /** For arrow-only links, which have no words on screen. */
  label?: string;
  rel?: string;
  children: ReactNode;
}

function PageLink({ view, page, disabled, label, rel, children }: PageLinkProps) {
  if (disabled) {
    return (
      <button type="button" className="button button-small" disabled aria-label={label}>
        {children}
      </button>
    );
  }
  return (
    <ViewLink view={{ ...view, page }} className="button button-small" aria-label={label} rel={rel}>
      {children}
    </ViewLink>
  );
}

export function ListPagination({ view, shown, loading, onPageSize }: Props) {
  const total = shown?.total;
  const capped = shown?.totalCapped === true;
  // Past the count cap the number of pages is unknown: no "of N", no last page.
  const pages = total === undefined || capped ? undefined : Math.max(1, Math.ceil(total / view.pageSize));
  const first = shown ? (shown.page - 1) * shown.pageSize + 1 : 0;
  const last = shown ? (capped ? first + shown.items.length - 1 : Math.min(shown.total, shown.page * shown.pageSize)) : 0;
  const next = shown !== undefined && hasNextPage(view.page, shown);
  const sizes = PAGE_SIZES.includes(view.pageSize as (typeof PAGE_SIZES)[number])
    ? PAGE_SIZES
    : [...PAGE_SIZES, view.pageSize].sort((a, b) => a - b);

  return (
    <nav className="pagination" aria-label="Pages">
      <p className="pagination-summary" id="list-summary" aria-live="polite">
        {total === undefined
          ? loading
            ? "Loading…"
            : "–"
          : total === 0
            ? "No markets"
            : first > last || (!capped && first > total)
              ? `Past the end: ${formatTotal(shown!)} in all`
              : `${formatCount(first)}–${formatCount(last)} of ${formatTotal(shown!)}`}
      </p>
      <div className="field-inline">
        <label htmlFor="page-size">Rows per page</label>
        <select id="page-size" className="select select-small" value={view.pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {sizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="pagination-pages">
        <PageLink view={view} page={1} label="First page" disabled={view.page <= 1}>
          «
        </PageLink>
        <PageLink view={view} page={view.page - 1} rel="prev" disabled={view.page <= 1}>
          <span aria-hidden="true">‹</span> Previous
        </PageLink>
        <span className="pagination-page">
          Page {formatCount(view.page)}
          {pages !== undefined && ` of ${formatCount(pages)}`}
        </span>
        <PageLink view={view} page={view.page + 1} rel="next" disabled={!next}>
          Next <span aria-hidden="true">›</span>
        </PageLink>
        <PageLink view={view} page={pages ?? 1} label="Last page" disabled={pages === undefined || view.page >= pages}>
          »
        </PageLink>
      </div>
    </nav>
  );
}
