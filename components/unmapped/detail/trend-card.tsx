"use client";
// The market's sightings per run (GET /api/unmapped/{id}/trend?runs=30). Under keys.unmapped.all,
// so a finished run refreshes it with everything else about the market.
import { useQuery } from "@tanstack/react-query";
import { TREND_RUNS, trendQueries } from "@/lib/api/trend";
import { TrendChart } from "@/components/charts/trend-chart";
import { RetryBanner } from "@/components/ui/retry-banner";
import { Skeleton } from "@/components/ui/skeleton";

export function TrendCard({ marketId }: { marketId: number }) {
  const trend = useQuery(trendQueries.trend(marketId, TREND_RUNS));
  return (
    <section className="card" aria-labelledby="trend-title" aria-busy={trend.isFetching}>
      <header className="card-header">
        <h2 id="trend-title">Sightings per run</h2>
        <span className="muted">last {TREND_RUNS} runs</span>
      </header>
      <div className="card-body">
        {trend.data ? (
          <TrendChart runs={trend.data.runs} titleId="trend-title" />
        ) : trend.isError ? (
          <RetryBanner what="Could not load the trend" error={trend.error} onRetry={() => void trend.refetch()} />
        ) : (
          <Skeleton width="100%" height="120px" />
        )}
      </div>
    </section>
  );
}
