"use client";
import { unmappedQueries } from "@/lib/api/unmapped";
import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { STATUS_TABS, tabCountQuery, type ListView } from "@/lib/unmapped-view";
import { TAB_LABEL } from "../labels";
import { formatTotal } from "./total";
import { ViewLink } from "./view-link";

/** One small query per tab: its total under the view's other filters is the count. */
export function StatusTabs({ view }: { view: ListView }) {
  const counts = useQueries({
    queries: STATUS_TABS.map((tab) => {
      const query = tabCountQuery(view, tab);
      return {
        ...unmappedQueries.list(query),
        placeholderData: keepPreviousData,
      };
    }),
  });

  return (
    <nav aria-label="Status" className="tabs">
      {STATUS_TABS.map((tab, i) => {
        const data = counts[i].data;
        const current = view.tab === tab;
        return (
          <ViewLink
            key={tab}
            view={{ ...view, tab, page: 1 }}
            className={current ? "tab tab-current" : "tab"}
            aria-current={current ? "page" : undefined}
            data-tab={tab}
          >
            {TAB_LABEL[tab]}
            <span className="tab-count">{data === undefined ? "–" : formatTotal(data)}</span>
          </ViewLink>
        );
      })}
    </nav>
  );
}
