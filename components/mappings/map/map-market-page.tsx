"use client";
// The mapping editor's page: turn one unmapped market into a mapping the scraper uses on its next
// lookup. Left, the source market (outcomes, lines, what mapping it gains); right, the editor
// (map-editor.tsx), or what the market is mapped to once it is.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, isApiError } from "@/lib/api/errors";
import { unmappedQueries } from "@/lib/api/unmapped";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { useIsClient } from "@/components/ui/clock";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { Skeleton } from "@/components/ui/skeleton";
import { PlatformBadge, StatusBadge } from "@/components/unmapped/badges";
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
    <header className={layout.detailHeader}>
      <div className={layout.detailTopbar}>
        <Breadcrumb
          trail={[
            { href: "/unmapped", label: "Unmapped markets" },
            { href: `/unmapped/${market.id}`, label: `#${market.id}` },
          ]}
          current="Map"
        />
      </div>
      <h1 id="map-title" className={layout.detailTitle}>
        <span className={mappings.titlePrefix}>Map</span> {market.marketName}
      </h1>
      <div className={layout.detailMeta}>
        <PlatformBadge source={market.source} />
        <span className={cx(layout.detailId, "mono")}>{market.externalMarketId}</span>
        <StatusBadge status={market.status} />
      </div>
    </header>
  );
}

function PageSkeleton() {
  return (
    <div className={layout.detailPage} role="status" aria-busy="true" aria-label="Loading the market">
      <div className={layout.detailHeader}>
        <Skeleton width="14rem" />
        <Skeleton width="26rem" height="1.6rem" className="skeleton-title" />
      </div>
      <div className={styles.mapGrid}>
        <div className="card">
          <div className="card-body stack-tight">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} width={`${60 + ((i * 13) % 35)}%`} />
            ))}
          </div>
        </div>
        <div className="card">
          <div className="card-body stack-tight">
            <Skeleton width="100%" height="2rem" />
            <Skeleton width="100%" height="8rem" />
          </div>
        </div>
      </div>
    </div>
  );
}

export function MapMarketPage({ id }: { id: number }) {
  const detail = useQuery(unmappedQueries.detail(id));
  const isClient = useIsClient();
  const maps = useCan("market.map");
  const market = detail.data;
  if (!market) {
    if (detail.isPending) return <PageSkeleton />;
    if (isApiError(detail.error) && detail.error.status === 404) {
      return (
        <div className={layout.detailPage}>
          <EmptyState
            title="This market does not exist"
            actions={
              <Link href="/unmapped" className="button">
                Back to the list
              </Link>
            }
          >
            <p>Market #{id} is not in the database. The link may be wrong, or the database was reset.</p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className={layout.detailPage}>
        <ErrorState
          title="The market could not be loaded"
          message={errorMessage(detail.error)}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      </div>
    );
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
