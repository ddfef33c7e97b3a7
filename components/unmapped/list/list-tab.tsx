"use client";
// One tab of the list (a status, "Assigned to me", a saved view): a real link to its view with the
// count beside the name; a plain click switches the view in place.
import type { ReactNode } from "react";
import { listHref, type UnmappedView } from "@/lib/url-state/unmapped-view";
import { ViewLink } from "@/components/data-table/view-link";
import styles from "@/components/data-table/list.module.css";
import { cx } from "@/components/ui/cx";

type Patch = Partial<UnmappedView>;

export function ListTab({
  view,
  patch,
  current,
  count,
  onChange,
  children,
  ...data
}: {
  view: UnmappedView;
  patch: Patch;
  current: boolean;
  count: ReactNode;
  onChange: (patch: Patch) => void;
  children: ReactNode;
  [data: `data-${string}`]: string | number | undefined;
}) {
  return (
    <ViewLink
      href={listHref({ ...view, ...patch })}
      onNavigate={() => onChange(patch)}
      className={cx(styles.tab, current && styles.tabCurrent)}
      aria-current={current ? "page" : undefined}
      {...data}
    >
      {children}
      <span className={styles.tabCount}>{count}</span>
    </ViewLink>
  );
}
