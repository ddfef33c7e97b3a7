"use client";
import type { ReactNode } from "react";
import { formatCount } from "@/components/ui/format";
import { MAPPING_PAGE_SIZES, type MappingsView } from "./mappings-view";
import { MappingsViewLink } from "./view-link";

interface Props {
  view: MappingsView;
  /** The page on screen, which lags the view while the next one loads. */
  shown: { page: number; pageSize: number; total: number } | undefined;
  onPageSize: (pageSize: number) => void;
}

function PageLink({
  view,
  page,
  disabled,
  label,
  rel,
  children,
}: {
  view: MappingsView;
  page: number;
  disabled: boolean;
  label?: string;
  rel?: string;
  children: ReactNode;
}) {
  if (disabled) {
    return (
      <button type="button" className="button button-small" disabled aria-label={label}>
        {children}
      </button>
    );
  }
  return (
    <MappingsViewLink view={{ ...view, page }} className="button button-small" aria-label={label} rel={rel}>
      {children}
    </MappingsViewLink>
  );
}

export function MappingsPagination({ view, shown, onPageSize }: Props) {
  const total = shown?.total;
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / view.pageSize));
  const first = shown ? (shown.page - 1) * shown.pageSize + 1 : 0;
  const last = shown ? Math.min(shown.total, shown.page * shown.pageSize) : 0;
  const sizes = (MAPPING_PAGE_SIZES as readonly number[]).includes(view.pageSize)
    ? MAPPING_PAGE_SIZES
    : [...MAPPING_PAGE_SIZES, view.pageSize].sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label="Pages">
      <p className="pagination-summary" id="mappings-summary" aria-live="polite">
        {total === undefined
          ? "Loading…"
          : total === 0
            ? "No mappings"
            : first > total
              ? `Past the end: ${formatCount(total)} in all`
              : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`}
      </p>
      <div className="field-inline">
        <label htmlFor="mappings-page-size">Rows per page</label>
        <select
          id="mappings-page-size"
          className="select select-small"
          value={view.pageSize}
          onChange={(e) => onPageSize(Number(e.target.value))}
        >
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
        <PageLink view={view} page={view.page + 1} rel="next" disabled={pages === undefined || view.page >= pages}>
          Next <span aria-hidden="true">›</span>
        </PageLink>
        <PageLink view={view} page={pages ?? 1} label="Last page" disabled={pages === undefined || view.page >= pages}>
          »
        </PageLink>
      </div>
    </nav>
  );
}
