"use client";
// The team's morning view: how much is left to triage, how much of each competitor the comparison
// covers and where it is heading, the most urgent new markets, and what changed recently.
// Server-rendered from prefetched data; a finished scrape run or an alert refreshes it in place.
import { auditQueries, RECENT_CHANGES_QUERY } from "@/lib/api/audit";
import { errorMessage } from "@/lib/api/errors";
import { DASHBOARD_RUNS, statsQueries } from "@/lib/api/stats";
import { unmappedQueries, URGENT_NEW_QUERY } from "@/lib/api/unmapped";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { PLATFORMS, STATUSES, type Platform, type TriageStatus } from "@/lib/contract/enums";
import type { Stats } from "@/lib/contract/stats";
import { DEFAULT_VIEW, listHref } from "@/lib/url-state/unmapped-view";
import { HistoryList, HistorySkeleton } from "@/components/history/history-list";
import { ScrapeButton } from "@/components/scrape/scrape-button";
import { useIsClient } from "@/components/ui/clock";
import { ErrorState } from "@/components/ui/error-state";
import { formatCount } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { PlatformBadge } from "@/components/unmapped/badges";
import { PLATFORM_LABEL, STATUS_HINT, STATUS_LABEL } from "@/components/unmapped/labels";
import { Priority } from "@/components/unmapped/priority";
import { LineChart, StackedBarChart, type Series } from "./charts";
import "@/components/mappings/mappings.css";
import "./dashboard.css";

const PLATFORM_COLOR: Record<Platform, string> = { sportybet: "#e8412c", bet9ja: "#14884a" };
const pct = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pctAxis = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
const points = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "always" });
const STATUS_ORDER: TriageStatus[] = ["NEW", "ACKNOWLEDGED", "MAPPED", "IGNORED"];

const FRESH_MS = 10_000;

function StatusCards({ stats }: { stats: Stats }) {
  return (
    <>
      {STATUS_ORDER.map((status) => (
        <Link
          key={status}
          href={listHref({ ...DEFAULT_VIEW, status: [status] })}
          className={`stat-card stat-card-link stat-${status.toLowerCase()}`}
          title={STATUS_HINT[status]}
          data-status={status}
        >
          <span className="stat-label">{STATUS_LABEL[status]}</span>
          <span className="stat-value">{formatCount(stats.byStatus[status])}</span>
          <span className="stat-sub">
            {PLATFORMS.map((p, i) => (
              <span key={p}>
                {i > 0 && " · "}
                {PLATFORM_LABEL[p]} {formatCount(stats.byPlatform[p]?.[status] ?? 0)}
              </span>
            ))}
          </span>
        </Link>
      ))}
    </>
  );
}

function CoverageCard({ platform, stats }: { platform: Platform; stats: Stats }) {
  const last = stats.lastRun?.coverage[platform];
  const previous = stats.runs.length > 1 ? stats.runs[stats.runs.length - 2]?.perPlatform[platform] : undefined;
  const delta = last?.coverage != null && previous?.coverage != null ? (last.coverage - previous.coverage) * 100 : null;
  return (
    <div className="stat-card stat-coverage" data-platform={platform}>
      <span className="stat-label stat-label-plain">
        <PlatformBadge source={platform} /> coverage
      </span>
      <span className="stat-value" data-coverage={last?.coverage ?? ""}>
        {last?.coverage == null ? "–" : pct.format(last.coverage)}
      </span>
      <span className="stat-sub">
        {last ? (
          <>
            {formatCount(last.mapped)} of {formatCount(last.markets)} sightings mapped
            {delta !== null && (
              <span className={delta > 0 ? "delta delta-up" : delta < 0 ? "delta delta-down" : "delta"} title="Change since the run before">
                {" "}
                {delta > 0 ? "▲" : delta < 0 ? "▼" : "="} {points.format(delta)} pts
              </span>
            )}
          </>
        ) : (
          "No finished run yet"
        )}
      </span>
    </div>
  );
}

function runLabel(run: Stats["runs"][number]) {
  return `#${run.id}`;
}

function Trends({ stats }: { stats: Stats }) {
  const runs = stats.runs;
  if (runs.length === 0) {
    return (
      <section className="card dash-wide" aria-labelledby="trends-title">
        <header className="card-header">
          <h2 id="trends-title">Trends</h2>
        </header>
        <p className="card-body muted">Trends appear once scrape runs have finished.</p>
      </section>
    );
  }
  const labels = runs.map(runLabel);
  const coverageSeries: Series[] = [
    ...PLATFORMS.map((p) => ({
      name: PLATFORM_LABEL[p],
      color: PLATFORM_COLOR[p],
      values: runs.map((r) => r.perPlatform[p]?.coverage ?? null),
    })),
    { name: "All platforms", color: "#3451c7", values: runs.map((r) => r.coverage), dashed: true },
  ];
  const newSeries: Series[] = PLATFORMS.map((p) => ({
    name: PLATFORM_LABEL[p],
    color: PLATFORM_COLOR[p],
    values: runs.map((r) => r.perPlatform[p]?.new ?? 0),
  }));
  const first = runs[0];
  const last = runs[runs.length - 1];
  const coverageSummary = PLATFORMS.map((p) => {
    const a = first.perPlatform[p]?.coverage;
    const b = last.perPlatform[p]?.coverage;
    return `${PLATFORM_LABEL[p]} ${a == null ? "–" : pct.format(a)} in run ${runLabel(first)} to ${b == null ? "–" : pct.format(b)} in run ${runLabel(last)}`;
  }).join("; ");
  const totalNew = runs.reduce((n, r) => n + r.newMarkets, 0);
  const newSummary = `${formatCount(totalNew)} new unmapped markets over ${runs.length} runs; ${formatCount(last.newMarkets)} in the latest run ${runLabel(last)}.`;
  return (
    <>
      <section className="card" aria-labelledby="coverage-trend-title">
        <header className="card-header">
          <h2 id="coverage-trend-title">Coverage per run</h2>
          <span className="card-note">mapped sightings ÷ all sightings</span>
        </header>
        <div className="card-body">
          <LineChart
            title="Coverage per run"
            summary={`Coverage over the last ${runs.length} runs: ${coverageSummary}.`}
            labels={labels}
            series={coverageSeries}
            format={(v) => pctAxis.format(v)}
          />
          <details className="disclosure chart-data">
            <summary>Show the numbers</summary>
            <table className="table table-compact disclosure-body">
              <caption className="visually-hidden">Coverage per run</caption>
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  {PLATFORMS.map((p) => (
                    <th key={p} scope="col" className="num">
                      {PLATFORM_LABEL[p]}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    All
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {runLabel(r)} <RelativeTime iso={r.startedAt} className="muted" />
                    </th>
                    {PLATFORMS.map((p) => (
                      <td key={p} className="num">
                        {r.perPlatform[p]?.coverage == null ? "–" : pct.format(r.perPlatform[p].coverage as number)}
                      </td>
                    ))}
                    <td className="num">{r.coverage == null ? "–" : pct.format(r.coverage)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      </section>
      <section className="card" aria-labelledby="new-trend-title">
        <header className="card-header">
          <h2 id="new-trend-title">New unmapped markets per run</h2>
          <span className="card-note">first sightings</span>
        </header>
        <div className="card-body">
          <StackedBarChart
            title="New unmapped markets per run"
            summary={newSummary}
            labels={labels}
            series={newSeries}
            format={(v) => formatCount(Math.round(v))}
          />
          <details className="disclosure chart-data">
            <summary>Show the numbers</summary>
            <table className="table table-compact disclosure-body">
              <caption className="visually-hidden">New unmapped markets per run</caption>
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  {PLATFORMS.map((p) => (
                    <th key={p} scope="col" className="num">
                      {PLATFORM_LABEL[p]}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    All
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{runLabel(r)}</th>
                    {PLATFORMS.map((p) => (
                      <td key={p} className="num">
                        {formatCount(r.perPlatform[p]?.new ?? 0)}
                      </td>
                    ))}
                    <td className="num">{formatCount(r.newMarkets)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      </section>
    </>
  );
}

function PriorityMarkets() {
  const list = useQuery({
    ...unmappedQueries.list(URGENT_NEW_QUERY),
    staleTime: FRESH_MS,
  });
  const items = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="priority-title">
      <header className="card-header">
        <h2 id="priority-title">Most urgent new markets</h2>
        <Link href="/unmapped" className="card-link">
          All new markets{list.data ? ` (${formatCount(list.data.total)})` : ""}
        </Link>
      </header>
      {list.isPending ? (
        <div className="card-body stack-tight">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} width="100%" height="1.4rem" />
          ))}
        </div>
      ) : list.isError && !list.data ? (
        <ErrorState
          title="Could not load the markets"
          message={errorMessage(list.error)}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : items.length === 0 ? (
        <p className="card-body muted">Nothing new to triage. New markets appear here as scrapes find them.</p>
      ) : (
        <table className="table table-dash">
          <caption className="visually-hidden">The ten new markets with the highest priority</caption>
          <colgroup>
            <col className="col-platform" />
            <col />
            <col className="col-dash-count" />
            <col className="col-priority" />
            <col className="col-dash-action" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Platform</th>
              <th scope="col">Market</th>
              <th scope="col" className="num">
                Sightings
              </th>
              <th scope="col" className="num">
                Priority
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id} data-market-id={m.id}>
                <td>
                  <PlatformBadge source={m.source} />
                </td>
                <td className="cell-name">
                  <Link href={`/unmapped/${m.id}`} className="row-link" title={m.marketName}>
                    {m.marketName}
                  </Link>
                  <span className="cell-sub mono">{m.externalMarketId}</span>
                </td>
                <td className="num">{formatCount(m.occurrenceCount)}</td>
                <td className="num">
                  <Priority score={m.priorityScore} />
                </td>
                <td className="cell-actions">
                  <Link href={`/unmapped/${m.id}/map`} className="button button-small" aria-label={`Map ${m.marketName}`}>
                    Map
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RecentChanges() {
  const audit = useQuery({
    ...auditQueries.list(RECENT_CHANGES_QUERY),
    staleTime: FRESH_MS,
  });
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
          <ErrorState
            title="Could not load the changes"
            message={errorMessage(audit.error)}
            onRetry={() => void audit.refetch()}
            retrying={audit.isFetching}
          />
        ) : (
          <HistorySkeleton rows={5} />
        )}
      </div>
    </section>
  );
}

export function DashboardPage() {
  const isClient = useIsClient();
  const stats = useQuery({
    ...statsQueries.get(DASHBOARD_RUNS),
    staleTime: FRESH_MS,
  });

  const data = stats.data;
  const lastRun = data?.lastRun;
  return (
    <div className="dashboard" data-hydrated={isClient || undefined}>
      <header className="dash-header">
        <div className="list-title">
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
        <div className="banner banner-danger" role="alert">
          <span>Could not refresh the figures: {errorMessage(stats.error)}</span>
          <button type="button" className="button button-small" onClick={() => void stats.refetch()}>
            Retry
          </button>
        </div>
      )}

      {!data ? (
        stats.isError ? (
          <ErrorState
            title="The figures could not be loaded"
            message={errorMessage(stats.error)}
            onRetry={() => void stats.refetch()}
            retrying={stats.isFetching}
          />
        ) : (
          <div className="stat-cards" aria-busy="true" aria-label="Loading the figures">
            {Array.from({ length: STATUSES.length + PLATFORMS.length }, (_, i) => (
              <div key={i} className="stat-card">
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
            <div className="stat-cards">
              <StatusCards stats={data} />
              {PLATFORMS.map((p) => (
                <CoverageCard key={p} platform={p} stats={data} />
              ))}
            </div>
          </section>
          <div className="dash-grid">
            <Trends stats={data} />
          </div>
        </>
      )}

      <div className="dash-grid dash-grid-lists">
        <PriorityMarkets />
        <RecentChanges />
      </div>
    </div>
  );
}
