"use client";
// /review: the NEW markets one at a time, most urgent first, each beside its numbered candidates.
// A key decides (1-9 accept after the price check, x ignores), space skips, z undoes; the next
// market and its candidates are already in the cache, so it shows at once.
import { useQuery } from "@tanstack/react-query";
import { unmappedQueries } from "@/lib/api/unmapped";
import { useCan } from "@/components/auth/use-principal";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryErrorState } from "@/components/ui/error-state";
import { SkeletonCard } from "@/components/ui/skeleton";
import { RetryBanner } from "@/components/ui/retry-banner";
import { useIsClient } from "@/components/ui/clock";
import { formatCount } from "@/components/ui/format";
import { useReviewDecisions } from "../hooks/use-review-decisions";
import { useReviewKeys } from "../hooks/use-review-keys";
import { useReviewQueue } from "../hooks/use-review-queue";
import { numberedCandidates } from "../queue-model";
import { CandidateList, OtherMarkets, SAFE_HINT } from "./candidate-list";
import { CheckRefusal } from "./check-refusal";
import { ReviewBar } from "./review-bar";
import { ReviewMarket } from "./review-market";
import styles from "../review.module.css";

export function ReviewPage() {
  const canDecide = useCan("market.triage");
  const isClient = useIsClient();
  const queue = useReviewQueue();
  const decisions = useReviewDecisions(queue);
  const id = queue.current;
  const detail = useQuery({ ...unmappedQueries.detail(id ?? 0), enabled: id !== null });
  const candidates = useQuery({ ...unmappedQueries.candidates(id ?? 0), enabled: id !== null });
  const market = id !== null && detail.data?.id === id ? detail.data : null;
  const numbered = numberedCandidates(candidates.data);
  const refusal = decisions.refusal?.id === id ? decisions.refusal : null;
  // Only a market that is still NEW can be decided here (someone else may have triaged it meanwhile).
  const open = market?.status === "NEW";

  const accept = (index: number) => {
    const candidate = numbered[index];
    if (market && open && candidate) void decisions.accept(market, candidate, index + 1);
  };
  const ignore = () => market && open && void decisions.ignore(market);
  const skip = () => id !== null && queue.skip(id);
  useReviewKeys({ canDecide, numbered: numbered.length, accept, ignore, skip, undo: () => void decisions.undo() });

  const header = (
    <header className={styles.header}>
      <h1>Review queue</h1>
      <p className="muted" aria-live="polite">
        {formatCount(queue.remaining)} to review
        {queue.total > queue.remaining + queue.skippedCount && ` of ${formatCount(queue.total)} new`}
        {queue.skippedCount > 0 && ` · ${formatCount(queue.skippedCount)} skipped`}
      </p>
    </header>
  );

  if (queue.list.isError && !queue.list.data) {
    return (
      <div className={styles.page}>
        {header}
        <QueryErrorState title="Could not load the queue" query={queue.list} />
      </div>
    );
  }
  if (id === null) {
    return (
      <div className={styles.page} data-hydrated={isClient || undefined}>
        {header}
        {queue.list.isPending || queue.list.isPlaceholderData ? (
          <SkeletonCard titled lines={6} />
        ) : (
          <EmptyState title={queue.skippedCount > 0 ? "Only skipped markets are left" : "Nothing to review"}>
            {queue.skippedCount > 0 ? "Reload the page to see the skipped markets again." : "Every new market has been decided."}
            {decisions.canUndo && " Press z to undo the latest decision."}
          </EmptyState>
        )}
        <ReviewBar canDecide={canDecide} decisions={decisions} shown={false} open={false} onIgnore={ignore} onSkip={skip} />
      </div>
    );
  }

  return (
    <div className={styles.page} data-hydrated={isClient || undefined} data-market-id={id}>
      {header}
      <ReviewBar canDecide={canDecide} decisions={decisions} shown open={open} onIgnore={ignore} onSkip={skip} />
      {market && !open && (
        <p className="muted" role="status">
          This market is {market.status.toLowerCase()} now (changed elsewhere): skip it or undo.
        </p>
      )}
      {refusal && <CheckRefusal refusal={refusal} onDismiss={decisions.clearRefusal} />}
      <div className={styles.grid}>
        {market ? (
          <ReviewMarket market={market} item={queue.item} />
        ) : detail.isError ? (
          <RetryBanner what="Could not load this market" error={detail.error} onRetry={() => void detail.refetch()} />
        ) : (
          <SkeletonCard titled lines={6} />
        )}
        <section className="card" aria-labelledby="review-candidates-title">
          <header className="card-header">
            <h2 id="review-candidates-title">Candidates</h2>
            <span className="muted" title={SAFE_HINT}>
              {canDecide ? "Press a number to accept" : "Viewers cannot accept"}
            </span>
          </header>
          <div className="card-body stack">
            {candidates.data ? (
              <>
                <CandidateList candidates={numbered} busy={decisions.busy !== null} />
                <OtherMarkets marketId={id} markets={candidates.data.markets} />
              </>
            ) : candidates.isError ? (
              <RetryBanner what="Could not load candidates" error={candidates.error} onRetry={() => void candidates.refetch()} />
            ) : (
              <SkeletonCard lines={4} />
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
