"use client";
// Coverage and new unmapped markets per run: a chart each, with a spoken summary and the numbers
// in a table on demand.
import { PLATFORMS } from "@/lib/contract/enums";
import type { Stats } from "@/lib/contract/stats";
import { formatCount, formatPercent } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { PLATFORM_COLOR, PLATFORM_LABEL } from "@/components/unmapped/labels";
import { LineChart, StackedBarChart, type Series } from "./charts";
import { RunsTable, type Run } from "./runs-table";
import { cx } from "@/components/ui/cx";
import styles from "./dashboard.module.css";

const pctAxis = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
const runLabel = (run: Run) => `#${run.id}`;
const share = (v: number | null | undefined) => (v == null ? "–" : formatPercent(v));

const coverageOf = {
  label: (r: Run) => (
    <>
      {runLabel(r)} <RelativeTime iso={r.startedAt} className="muted" />
    </>
  ),
  perPlatform: (r: Run, p: (typeof PLATFORMS)[number]) => share(r.perPlatform[p]?.coverage),
  all: (r: Run) => share(r.coverage),
};
const newOf = {
  label: runLabel,
  perPlatform: (r: Run, p: (typeof PLATFORMS)[number]) => formatCount(r.perPlatform[p]?.new ?? 0),
  all: (r: Run) => formatCount(r.newMarkets),
};

function TrendCard({ id, title, note, children }: { id: string; title: string; note: string; children: React.ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <header className="card-header">
        <h2 id={id}>{title}</h2>
        <span className="card-note">{note}</span>
      </header>
      <div className="card-body">{children}</div>
    </section>
  );
}

export function Trends({ stats }: { stats: Stats }) {
  const runs = stats.runs;
  if (runs.length === 0) {
    return (
      <section className={cx(styles.dashWide, "card")} aria-labelledby="trends-title">
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
    { name: "All platforms", color: "var(--accent)", values: runs.map((r) => r.coverage), dashed: true },
  ];
  const newSeries: Series[] = PLATFORMS.map((p) => ({
    name: PLATFORM_LABEL[p],
    color: PLATFORM_COLOR[p],
    values: runs.map((r) => r.perPlatform[p]?.new ?? 0),
  }));
  const first = runs[0];
  const last = runs[runs.length - 1];
  const coverageSummary = PLATFORMS.map(
    (p) =>
      `${PLATFORM_LABEL[p]} ${share(first.perPlatform[p]?.coverage)} in run ${runLabel(first)} to ${share(last.perPlatform[p]?.coverage)} in run ${runLabel(last)}`,
  ).join("; ");
  const totalNew = runs.reduce((n, r) => n + r.newMarkets, 0);
  const newSummary = `${formatCount(totalNew)} new unmapped markets over ${runs.length} runs; ${formatCount(last.newMarkets)} in the latest run ${runLabel(last)}.`;
  return (
    <>
      <TrendCard id="coverage-trend-title" title="Coverage per run" note="mapped sightings ÷ all sightings">
        <LineChart
          title="Coverage per run"
          summary={`Coverage over the last ${runs.length} runs: ${coverageSummary}.`}
          labels={labels}
          series={coverageSeries}
          format={(v) => pctAxis.format(v)}
        />
        <details className={cx(styles.chartData, "disclosure")}>
          <summary>Show the numbers</summary>
          <RunsTable caption="Coverage per run" runs={runs} {...coverageOf} />
        </details>
      </TrendCard>
      <TrendCard id="new-trend-title" title="New unmapped markets per run" note="first sightings">
        <StackedBarChart
          title="New unmapped markets per run"
          summary={newSummary}
          labels={labels}
          series={newSeries}
          format={(v) => formatCount(Math.round(v))}
        />
        <details className={cx(styles.chartData, "disclosure")}>
          <summary>Show the numbers</summary>
          <RunsTable caption="New unmapped markets per run" runs={runs} {...newOf} />
        </details>
      </TrendCard>
    </>
  );
}
