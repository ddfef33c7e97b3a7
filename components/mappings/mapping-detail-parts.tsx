"use client";
// Parts of a mapping's page: its platform ids, the breadcrumb, and the loading skeleton.
import type { MappingDetail } from "@/lib/contract/mappings";
import layout from "@/components/layout/detail-layout.module.css";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { DetailSkeletonFrame } from "@/components/ui/detail-states";
import { Facts } from "@/components/ui/facts";
import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import { PlatformId } from "./labels";

export function PlatformFacts({ mapping }: { mapping: Pick<MappingDetail, "betpawaId" | "sportybetId" | "bet9jaKey"> }) {
  return (
    <Facts
      compact
      facts={[
        {
          term: "betpawa id",
          value: <PlatformId value={mapping.betpawaId} platform="betpawa" />,
          note: mapping.betpawaId === null && "No betpawa counterpart: its odds cannot be compared yet",
        },
        { term: "SportyBet id", value: <PlatformId value={mapping.sportybetId} platform="sportybet" /> },
        { term: "Bet9ja key", value: <PlatformId value={mapping.bet9jaKey} platform="bet9ja" /> },
      ]}
    />
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
