"use client";
// Everything known about one unmapped market, and its triage. Server-rendered from the prefetched
// detail; realtime alerts and finished runs refresh it in place.
import { unmappedQueries } from "@/lib/api/unmapped";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import type { UnmappedPatch } from "@/lib/contract/unmapped";
import type { SnoozeMenuHandle } from "@/components/triage/snooze-menu";
import { useUndo } from "@/components/triage/use-undo";
import { usePrincipal } from "@/components/auth/use-principal";
import type { SettableStatus } from "../use-quick-status";
import { STATUS_LABEL } from "../labels";
import { useHotkeys } from "@/components/keyboard/use-hotkeys";
import { useCan } from "@/components/auth/use-principal";
import { useIsClient } from "@/components/ui/clock";
import { RetryBanner } from "@/components/ui/retry-banner";
import { MarketFallback } from "../market-fallback";
import { reasonExplanation } from "../labels";
import { ActivityTimeline, COMMENT_INPUT_ID } from "@/components/comments/activity-timeline";
import { ReasonBadge } from "../badges";
import { useUpdateMarket } from "../use-update-market";
import { DetailHeader } from "./detail-header";
import { DetailSkeleton } from "./detail-skeleton";
import { LinesSeen } from "./lines-seen";
import { MarketFacts } from "./market-facts";
import { NOTES_INPUT_ID } from "./notes-editor";
import { OutcomesTable } from "./outcomes-table";
import { TrendCard } from "./trend-card";
import { TriagePanel } from "./triage-panel";
import { useNeighbours } from "./use-neighbours";
import layout from "@/components/layout/detail-layout.module.css";

export function MarketDetailPage({ id }: { id: number }) {
  const router = useRouter();
  const triages = useCan("market.triage");
  const detail = useQuery({ ...unmappedQueries.detail(id) });
  const neighbours = useNeighbours(id);
  const update = useUpdateMarket(id);
  const market = detail.data;
  const isClient = useIsClient();

  const me = usePrincipal();
  const { announce, undoLatest } = useUndo();
  const snoozeMenu = useRef<SnoozeMenuHandle>(null);
  // Every edit's toast says what it did and offers Undo (its changeId).
  const change = (patch: UnmappedPatch, label: string, saved?: () => void) =>
    update.mutate(patch, {
      onSuccess: (edited) => {
        saved?.();
        announce(edited.changeId, label);
      },
    });
  const setStatus = (status: SettableStatus) => {
    if (market && market.status !== status) change({ status }, `Status: ${STATUS_LABEL[status]}`);
  };
  const reload = () => {
    update.reset();
    void detail.refetch();
  };

  const [navigating, startNavigation] = useTransition();
  const go = (href: string) => startNavigation(() => router.push(href));

  // j/k pressed before the neighbours have loaded (quick repeated presses) still go there.
  const pendingMove = useRef<"next" | "prev" | null>(null);
  const move = (direction: "next" | "prev") => {
    if (navigating) return;
    const target = neighbours[direction];
    if (target) go(target.href);
    else pendingMove.current = neighbours.loading ? direction : null;
  };
  useEffect(() => {
    const direction = pendingMove.current;
    if (!direction) return;
    const target = neighbours[direction];
    if (target) startNavigation(() => router.push(target.href));
    if (target || !neighbours.loading) pendingMove.current = null;
  }, [neighbours, router]);

  useHotkeys({
    j: () => move("next"),
    k: () => move("prev"),
    // Shortcuts that change the market exist only for those who may change it.
    ...(triages && {
      a: (e: KeyboardEvent) => !e.repeat && setStatus("ACKNOWLEDGED"),
      i: (e: KeyboardEvent) => !e.repeat && setStatus("IGNORED"),
      e: (e: KeyboardEvent) => !e.repeat && me && market?.assignee?.id !== me.userId && change({ assigneeId: me.userId }, "Assigned to me"),
      n: (e: KeyboardEvent) => {
        e.preventDefault();
        document.getElementById(NOTES_INPUT_ID)?.focus();
      },
      s: (e: KeyboardEvent) => {
        e.preventDefault();
        snoozeMenu.current?.open();
      },
      z: (e: KeyboardEvent) => !e.repeat && undoLatest(),
      c: (e: KeyboardEvent) => {
        e.preventDefault();
        document.getElementById(COMMENT_INPUT_ID)?.focus();
      },
    }),
    u: () => go(neighbours.listHref),
  });

  if (!market) {
    return <MarketFallback id={id} query={detail} skeleton={<DetailSkeleton />} listHref={neighbours.listHref} />;
  }

  return (
    <article className={layout.detailPage} aria-labelledby="market-title" data-hydrated={isClient || undefined}>
      <DetailHeader market={market} neighbours={neighbours} navigating={navigating} />
      {detail.isError && <RetryBanner what="Could not refresh this market" error={detail.error} onRetry={() => void detail.refetch()} />}
      <div className={layout.detailGrid}>
        <div className="stack">
          <section className="card" aria-labelledby="reason-title">
            <header className="card-header">
              <h2 id="reason-title">Why it is unmapped</h2>
              <ReasonBadge reason={market.reason} />
            </header>
            <p className="card-body">{reasonExplanation(market.reason, market.source, market.externalMarketId)}</p>
          </section>
          <TrendCard marketId={market.id} />
          <section className="card" aria-labelledby="outcomes-title">
            <header className="card-header">
              <h2 id="outcomes-title">Outcomes of the latest sighting</h2>
            </header>
            <div className="card-body">
              <OutcomesTable outcomes={market.sampleOutcomes} />
            </div>
          </section>
          <section className="card" aria-labelledby="lines-title">
            <header className="card-header">
              <h2 id="lines-title">Lines seen</h2>
              <span className="muted">{market.specifiers.length}</span>
            </header>
            <div className="card-body">
              <LinesSeen lines={market.specifiers} />
            </div>
          </section>
        </div>
        <div className="stack">
          <TriagePanel
            market={market}
            update={update}
            onStatus={setStatus}
            onChange={change}
            snoozeRef={snoozeMenu}
            onReload={reload}
            reloading={detail.isFetching}
          />
          <section className="card" aria-labelledby="facts-title">
            <header className="card-header">
              <h2 id="facts-title">Details</h2>
            </header>
            <div className="card-body">
              <MarketFacts market={market} />
            </div>
          </section>
          <ActivityTimeline marketId={market.id} version={market.version} />
        </div>
      </div>
    </article>
  );
}
