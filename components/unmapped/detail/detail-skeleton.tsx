import { DetailSkeletonFrame } from "@/components/ui/detail-states";
import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import layout from "@/components/layout/detail-layout.module.css";

export function DetailSkeleton() {
  return (
    <DetailSkeletonFrame
      label="Loading the market"
      gridClass={layout.detailGrid}
      header={
        <>
          <Skeleton width="12rem" />
          <Skeleton width="26rem" height="1.6rem" className="skeleton-title" />
          <Skeleton width="18rem" />
        </>
      }
    >
      <div className="stack">
        {[5, 7, 3].map((rows, i) => (
          <SkeletonCard key={i} titled lines={rows} />
        ))}
      </div>
      <div className="stack">
        <SkeletonCard>
          <Skeleton width="8rem" />
          <Skeleton width="100%" height="2rem" />
          <Skeleton width="100%" height="6rem" />
        </SkeletonCard>
      </div>
    </DetailSkeletonFrame>
  );
}
