"use client";
// The list's tabs: one per status and All, "Assigned to me", then the saved views (personal and
// shared). Each says its count under the view's other filters (a saved view: its own count).
import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { unmappedQueries } from "@/lib/api/unmapped";
import {
  isMineTab,
  MINE_TAB,
  mineCountQuery,
  STATUS_TABS,
  statusOfTab,
  tabCountQuery,
  tabOf,
  type UnmappedView,
} from "@/lib/url-state/unmapped-view";
import { formatTotal } from "@/components/data-table/page-total";
import { TAB_LABEL } from "../labels";
import { ListTab } from "./list-tab";
import { SavedViewTabs } from "./saved-view-tabs";
import styles from "@/components/data-table/list.module.css";

type Patch = Partial<UnmappedView>;

/** One small query per tab: its total under the view's other filters is the count. */
export function StatusTabs({ view, onChange }: { view: UnmappedView; onChange: (patch: Patch) => void }) {
  const counts = useQueries({
    queries: [...STATUS_TABS.map((tab) => tabCountQuery(view, tab)), mineCountQuery(view)].map((q) => ({
      ...unmappedQueries.list(q),
      placeholderData: keepPreviousData,
    })),
  });
  const count = (i: number) => {
    const data = counts[i].data;
    return data === undefined ? "–" : formatTotal(data);
  };
  const mine = isMineTab(view);
  const fromSaved = view.view !== null;
  const currentTab = mine || fromSaved ? null : tabOf(view);
  // Leaving "Assigned to me" for a status tab drops the assignee it set.
  const leave: Patch = { page: 1, view: null, ...(mine ? { assignee: null } : {}) };
  return (
    <nav aria-label="Status and views" className={styles.tabs}>
      {STATUS_TABS.map((tab, i) => (
        <ListTab
          key={tab}
          view={view}
          patch={{ ...leave, status: statusOfTab(tab) }}
          current={currentTab === tab}
          count={count(i)}
          onChange={onChange}
          data-tab={tab}
        >
          {TAB_LABEL[tab]}
        </ListTab>
      ))}
      <ListTab
        view={view}
        patch={{ page: 1, view: null, ...MINE_TAB }}
        current={mine && !fromSaved}
        count={count(STATUS_TABS.length)}
        onChange={onChange}
        data-tab="MINE"
      >
        Assigned to me
      </ListTab>
      <SavedViewTabs view={view} onChange={onChange} />
    </nav>
  );
}
