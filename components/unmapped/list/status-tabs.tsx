"use client";
import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { unmappedQueries } from "@/lib/api/unmapped";
import { listHref, STATUS_TABS, statusOfTab, tabCountQuery, tabOf, type UnmappedView } from "@/lib/url-state/unmapped-view";
import { formatTotal } from "@/components/data-table/page-total";
import { ViewLink } from "@/components/data-table/view-link";
import styles from "@/components/data-table/list.module.css";
import { cx } from "@/components/ui/cx";
import { TAB_LABEL } from "../labels";

/** One small query per tab: its total under the view's other filters is the count. */
export function StatusTabs({ view, onChange }: { view: UnmappedView; onChange: (patch: Partial<UnmappedView>) => void }) {
  const counts = useQueries({
    queries: STATUS_TABS.map((tab) => ({ ...unmappedQueries.list(tabCountQuery(view, tab)), placeholderData: keepPreviousData })),
  });
  const currentTab = tabOf(view);
  return (
    <nav aria-label="Status" className={styles.tabs}>
      {STATUS_TABS.map((tab, i) => {
        const data = counts[i].data;
        const current = currentTab === tab;
        const patch = { status: statusOfTab(tab), page: 1 };
        return (
          <ViewLink
            key={tab}
            href={listHref({ ...view, ...patch })}
            onNavigate={() => onChange(patch)}
            className={cx(styles.tab, current && styles.tabCurrent)}
            aria-current={current ? "page" : undefined}
            data-tab={tab}
          >
            {TAB_LABEL[tab]}
            <span className={styles.tabCount}>{data === undefined ? "–" : formatTotal(data)}</span>
          </ViewLink>
        );
      })}
    </nav>
  );
}
