"use client";
// Parts of a mapping's page: its platform ids, the breadcrumb, and the loading skeleton.
import type { MappingDetail } from "@/lib/contract/mappings";
import layout from "@/components/layout/detail-layout.module.css";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { DetailSkeletonFrame } from "@/components/ui/detail-states";
import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import { PlatformId } from "./labels";

export function PlatformFacts({ mapping }: { mapping: Pick<MappingDetail, "betpawaId" | "sportybetId" | "bet9jaKey"> }) {
  return (
    <dl className="facts facts-compact">
      <div>
        <dt>betpawa id</dt>
        <dd>
          <PlatformId value={mapping.betpawaId} platform="betpawa" />
          {mapping.betpawaId === null && <span className="muted fact-exact">No betpawa counterpart: its odds cannot be compared yet</span>}
        </dd>
      </div>
      <div>
        <dt>SportyBet id</dt>
        <dd>
          <PlatformId value={mapping.sportybetId} platform="sportybet" />
        </dd>
      </div>
      <div>
        <dt>Bet9ja key</dt>
        <dd>
          <PlatformId value={mapping.bet9jaKey} platform="bet9ja" />
        </dd>
      </div>
    </dl>
  );
}

export const MappingBreadcrumb = ({ canonicalId }: { canonicalId: string }) => (
  <Breadcrumb trail={[{ href: "/mappings", label: "Mappings" }]} current={canonicalId} mono />
);

export function DetailSkeleton({ canonicalId }: { canonicalId: string }) {
  return (
    <DetailSkeletonFrame
      label="Loading the mapping"
      crumb={<MappingBreadcrumb canonicalId={canonicalId} />}
      titleWidth="22rem"
      metaWidth="14rem"
      gridClass={layout.detailGrid}
    >
      <SkeletonCard lines={8} />
      <SkeletonCard>
        <Skeleton width="8rem" />
        <Skeleton width="100%" height="4rem" />
      </SkeletonCard>
    </DetailSkeletonFrame>
  );
}
