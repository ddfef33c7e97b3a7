"use client";
// The team's morning view: how much is left to triage, how much of each competitor the comparison
// covers and where it is heading, the most urgent new markets, and what changed recently.
// Server-rendered from prefetched data; realtime messages refresh it in place (the invalidation
// table in components/realtime/invalidation.ts).
import { useQuery } from "@tanstack/react-query";
import { DASHBOARD_RUNS, statsQueries } from "@/lib/api/stats";
import { PLATFORMS, STATUSES } from "@/lib/contract/enums";
import { ScrapeButton } from "@/components/scrape/scrape-button";
import { useIsClient } from "@/components/ui/clock";
import { QueryErrorState } from "@/components/ui/error-state";
import { RetryBanner } from "@/components/ui/retry-banner";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { AlertRulesCard } from "./alert-rules-card";
import { CoverageAlertsCard } from "./coverage-card";
import { RecentChanges } from "./recent-changes";
import { CoverageCard, StatusCards } from "./stat-cards";
import { Trends } from "./trends";
import { UrgentMarkets } from "./urgent-markets";
import { cx } from "@/components/ui/cx";
import styles from "./dashboard.module.css";
import list from "@/components/data-table/list.module.css";

const FRESH_MS = 10_000;

export function DashboardPage() {
  const isClient = useIsClient();
  const stats = useQuery({
    ...statsQueries.get(DASHBOARD_RUNS),
    staleTime: FRESH_MS,
  });

  const data = stats.data;
  const lastRun = data?.lastRun;
  return (
    <div className={styles.dashboard} data-hydrated={isClient || undefined}>
      <header className={styles.dashHeader}>
        <div className={list.listTitle}>
          <h1>Dashboard</h1>
          <p className="muted">
            {lastRun ? (
              <>
                Latest run #{lastRun.id} {lastRun.status}
                {lastRun.finishedAt && (
                  <>
                    {" "}
                    <RelativeTime iso={lastRun.finishedAt} />
                  </>
                )}
                .
              </>
            ) : data ? (
              "No scrape run has finished yet."
            ) : (
              "Loading…"
            )}
          </p>
        </div>
        {data && !lastRun && <ScrapeButton />}
      </header>

      {stats.isError && data && (
        <RetryBanner what="Could not refresh the figures" error={stats.error} onRetry={() => void stats.refetch()} />
      )}

      {!data ? (
        stats.isError ? (
          <QueryErrorState title="The figures could not be loaded" query={stats} />
        ) : (
          <div className={styles.statCards} aria-busy="true" aria-label="Loading the figures">
            {Array.from({ length: STATUSES.length + PLATFORMS.length }, (_, i) => (
              <div key={i} className={styles.statCard}>
                <Skeleton width="60%" />
                <Skeleton width="40%" height="1.8rem" />
              </div>
            ))}
          </div>
        )
      ) : (
        <>
          <section aria-labelledby="counts-title">
            <h2 id="counts-title" className="visually-hidden">
              Markets by status and coverage
            </h2>
            <div className={styles.statCards}>
              <StatusCards stats={data} />
              {PLATFORMS.map((p) => (
                <CoverageCard key={p} platform={p} stats={data} />
              ))}
            </div>
          </section>
          <div className={styles.dashGrid}>
            <Trends stats={data} />
          </div>
        </>
      )}

      <div className={cx(styles.dashGrid, styles.dashGridLists)}>
        <UrgentMarkets staleTime={FRESH_MS} />
        <RecentChanges staleTime={FRESH_MS} />
      </div>
      <CoverageAlertsCard staleTime={FRESH_MS} />
      <AlertRulesCard staleTime={FRESH_MS} />
    </div>
  );
}
