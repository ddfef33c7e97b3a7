"use client";
import { useQuery } from "@tanstack/react-query";
import { auditQueries, RECENT_CHANGES_QUERY } from "@/lib/api/audit";
import { HistoryList, HistorySkeleton } from "@/components/history/history-list";
import { QueryErrorState } from "@/components/ui/error-state";
import { formatCount } from "@/components/ui/format";

/** The latest triage, mapping and scraper changes of any market or mapping. */
export function RecentChanges({ staleTime }: { staleTime: number }) {
  const audit = useQuery({ ...auditQueries.list(RECENT_CHANGES_QUERY), staleTime });
  return (
    <section className="card" aria-labelledby="recent-title">
      <header className="card-header">
        <h2 id="recent-title">Recent changes</h2>
        {audit.data && audit.data.total > 0 && <span className="card-note">{formatCount(audit.data.total)} in all</span>}
      </header>
      <div className="card-body">
        {audit.data ? (
          audit.data.items.length === 0 ? (
            <p className="muted">No changes yet. Triage, mapping and scraper changes show up here.</p>
          ) : (
            <HistoryList entries={audit.data.items} showEntity label="Recent changes" />
          )
        ) : audit.isError ? (
          <QueryErrorState title="Could not load the changes" query={audit} />
        ) : (
          <HistorySkeleton rows={5} />
        )}
      </div>
    </section>
  );
}
