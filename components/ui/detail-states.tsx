// What a detail page shows instead of its resource: its skeleton while it loads, "not found" with a
// way back, or the error with Retry. The market, map-editor and mapping pages and the app's
// not-found page share them.
import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { isApiError } from "@/lib/api/errors";
import { EmptyState } from "./empty-state";
import { QueryErrorState } from "./error-state";
import { Skeleton } from "./skeleton";
import layout from "@/components/layout/detail-layout.module.css";

interface NotFound {
  title: string;
  /** Where the way back leads, and its label. */
  href: string;
  action: string;
  children: ReactNode;
}

export function NotFoundPage({ title, href, action, children }: NotFound) {
  return (
    <div className={layout.detailPage}>
      <EmptyState
        title={title}
        actions={
          <Link href={href} className="button">
            {action}
          </Link>
        }
      >
        {children}
      </EmptyState>
    </div>
  );
}

/**
 * A detail query that has no data (yet): the skeleton while it loads, `notFound` on a 404, and
 * otherwise the error with Retry.
 */
export function DetailFallback({
  query,
  skeleton,
  errorTitle,
  notFound,
}: {
  query: Pick<UseQueryResult, "isPending" | "error" | "isFetching" | "refetch">;
  skeleton: ReactNode;
  errorTitle: string;
  notFound: NotFound;
}) {
  if (query.isPending) return skeleton;
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage {...notFound} />;
  return (
    <div className={layout.detailPage}>
      <QueryErrorState title={errorTitle} query={query} />
    </div>
  );
}

/**
 * A detail page while it loads: the header's placeholders (the breadcrumb, the title, the meta line
 * when `metaWidth` is given), then the page's grid of skeleton cards.
 */
export function DetailSkeletonFrame({
  label,
  crumb,
  titleWidth,
  metaWidth,
  gridClass,
  children,
}: {
  label: string;
  crumb: ReactNode;
  titleWidth: string;
  metaWidth?: string;
  gridClass: string;
  children: ReactNode;
}) {
  return (
    <div className={layout.detailPage} role="status" aria-busy="true" aria-label={label}>
      <div className={layout.detailHeader}>
        {crumb}
        <Skeleton width={titleWidth} height="1.6rem" className="skeleton-title" />
        {metaWidth && <Skeleton width={metaWidth} />}
      </div>
      <div className={gridClass}>{children}</div>
    </div>
  );
}
