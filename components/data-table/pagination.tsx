"use client";
// Paging for a server-paged list: where we are ("1–25 of 1,234"), rows per page, and links to the
// first, previous, next and last pages. Every page is a real link to its URL.
import type { ReactNode } from "react";
import { pageQueryShape } from "@/lib/contract/common";
import { ChoiceSelect } from "@/components/ui/choice-select";
import { formatCount } from "@/components/ui/format";
import styles from "./list.module.css";
import { hasNextPage, pageSummary, type ShownPage } from "./page-total";
import { ViewLink } from "./view-link";

/** The sizes offered, the last being the most a list query takes. */
const PAGE_SIZE_MAX = pageQueryShape.pageSize.unwrap().maxValue;
const PAGE_SIZES: readonly number[] = [25, 50, 100, ...(PAGE_SIZE_MAX ? [PAGE_SIZE_MAX] : [])];

interface PaginationProps {
  /** Names the summary, which the table refers to (aria-describedby). */
  summaryId: string;
  pageSizeId: string;
  /** The page and size in the URL. */
  page: number;
  pageSize: number;
  /** The page on screen, which lags the URL while the next one loads. */
  shown: ShownPage | undefined;
  loading: boolean;
  /** "No markets", "No mappings". */
  nothing: string;
  hrefOf: (page: number) => string;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}

function PageLink(
  props: { page: number; disabled: boolean; label?: string; rel?: string; children: ReactNode } & Pick<
    PaginationProps,
    "hrefOf" | "onPage"
  >,
) {
  const { page, disabled, label, rel, children, hrefOf, onPage } = props;
  if (disabled) {
    return (
      <button type="button" className="button button-small" disabled aria-label={label}>
        {children}
      </button>
    );
  }
  return (
    <ViewLink href={hrefOf(page)} onNavigate={() => onPage(page)} className="button button-small" aria-label={label} rel={rel}>
      {children}
    </ViewLink>
  );
}

export function Pagination({
  summaryId,
  pageSizeId,
  page,
  pageSize,
  shown,
  loading,
  nothing,
  hrefOf,
  onPage,
  onPageSize,
}: PaginationProps) {
  // Past the count cap the number of pages is unknown: no "of N", no last page.
  const pages = shown === undefined || shown.totalCapped ? undefined : Math.max(1, Math.ceil(shown.total / pageSize));
  const next = shown !== undefined && hasNextPage(page, shown);
  const sizes = PAGE_SIZES.includes(pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  const links = { hrefOf, onPage };
  return (
    <nav className={styles.pagination} aria-label="Pages">
      <p className={styles.paginationSummary} id={summaryId} aria-live="polite">
        {pageSummary(shown, loading, nothing)}
      </p>
      <ChoiceSelect
        id={pageSizeId}
        label="Rows per page"
        labelStyle="plain"
        small
        value={String(pageSize)}
        choices={sizes.map((s) => ({ value: String(s), label: String(s) }))}
        onChange={(size) => onPageSize(Number(size))}
      />
      <div className={styles.paginationPages}>
        <PageLink {...links} page={1} label="First page" disabled={page <= 1}>
          «
        </PageLink>
        <PageLink {...links} page={page - 1} rel="prev" disabled={page <= 1}>
          <span aria-hidden="true">‹</span> Previous
        </PageLink>
        <span className={styles.paginationPage}>
          Page {formatCount(page)}
          {pages !== undefined && ` of ${formatCount(pages)}`}
        </span>
        <PageLink {...links} page={page + 1} rel="next" disabled={!next}>
          Next <span aria-hidden="true">›</span>
        </PageLink>
        <PageLink {...links} page={pages ?? 1} label="Last page" disabled={pages === undefined || page >= pages}>
          »
        </PageLink>
      </div>
    </nav>
  );
}
