"use client";
// The mapping editor's page: turn one unmapped market into a mapping the scraper uses on its next
// lookup. Left, the source market (outcomes, lines, what mapping it gains); right, the editor
// (map-editor.tsx), or what the market is mapped to once it is.
import { useQuery } from "@tanstack/react-query";
import { unmappedQueries } from "@/lib/api/unmapped";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { useIsClient } from "@/components/ui/clock";
import { DetailHeader, DetailId } from "@/components/ui/detail-header";
import { DetailSkeletonFrame } from "@/components/ui/detail-states";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import { PlatformBadge, StatusBadge } from "@/components/unmapped/badges";
import { MarketFallback } from "@/components/unmapped/market-fallback";
import { MapEditor } from "./map-editor";
import { useCan } from "@/components/auth/use-principal";
import { NotAllowed } from "@/components/auth/not-allowed";
import { SourceMarket } from "./source-market";
import { cx } from "@/components/ui/cx";
import styles from "./map-editor.module.css";
import layout from "@/components/layout/detail-layout.module.css";
import mappings from "../mappings.module.css";

function Header({ market }: { market: UnmappedDetail }) {
  return (
    <DetailHeader
      topbar={
        <Breadcrumb
          trail={[
            { href: "/unmapped", label: "Unmapped markets" },
            { href: `/unmapped/${market.id}`, label: `#${market.id}` },
          ]}
          current="Map"
        />
      }
      titleId="map-title"
      title={
        <>
          <span className={mappings.titlePrefix}>Map</span> {market.marketName}
        </>
      }
      meta={
        <>
          <PlatformBadge source={market.source} />
          <DetailId>{market.externalMarketId}</DetailId>
          <StatusBadge status={market.status} />
        </>
      }
    />
  );
}

function PageSkeleton() {
  return (
    <DetailSkeletonFrame label="Loading the market" crumb={<Skeleton width="14rem" />} titleWidth="26rem" gridClass={styles.mapGrid}>
      <SkeletonCard lines={6} />
      <SkeletonCard>
        <Skeleton width="100%" height="2rem" />
        <Skeleton width="100%" height="8rem" />
      </SkeletonCard>
    </DetailSkeletonFrame>
  );
}

export function MapMarketPage({ id }: { id: number }) {
  const detail = useQuery(unmappedQueries.detail(id));
  const isClient = useIsClient();
  const maps = useCan("market.map");
  const market = detail.data;
  if (!market) {
    return <MarketFallback id={id} query={detail} skeleton={<PageSkeleton />} listHref="/unmapped" />;
  }
  return (
    <article className={cx(layout.detailPage, "map-page")} aria-labelledby="map-title" data-hydrated={isClient || undefined}>
      <Header market={market} />
      <div className={styles.mapGrid}>
        <div className={cx("stack", styles.mapSource)}>
          <SourceMarket market={market} />
        </div>
        <div className="stack">
          {maps ? (
            <MapEditor market={market} onReload={() => void detail.refetch()} reloading={detail.isFetching} />
          ) : (
            <NotAllowed doing="map markets" needs="triager" />
          )}
        </div>
      </div>
    </article>
  );
}
