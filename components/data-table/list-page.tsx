"use client";
// The layout both lists share: title and introduction, tabs and filters, a banner when a refresh
// failed, the scrolling table, and the pagination bar. Also its loading skeleton.
import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./list.module.css";

interface Props {
  title: string;
  intro: ReactNode;
  /** Beside the title: what the page lets you make. */
  actions?: ReactNode;
  /** Tabs and filters, under the title. */
  controls: ReactNode;
  /** A refresh failed while rows are still on screen (they are the last good ones). */
  banner?: ReactNode;
  /** Said politely to screen readers and shown under the controls, e.g. that the selected row left the view. */
  status?: string;
  /** The rows on screen are being replaced. */
  refreshing: boolean;
  hydrated: boolean;
  pagination: ReactNode;
  children: ReactNode;
}

export function ListPage({ title, intro, actions, controls, banner, status, refreshing, hydrated, pagination, children }: Props) {
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
      {banner}
      <div className={cx(styles.tableScroll, refreshing && styles.tableScrollLoading)}>{children}</div>
      {pagination}
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
