import { DetailSkeletonFrame } from "@/components/ui/detail-states";
import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import layout from "@/components/layout/detail-layout.module.css";

export function DetailSkeleton() {
  return (
    <DetailSkeletonFrame
      label="Loading the market"
      crumb={<Skeleton width="12rem" />}
      titleWidth="26rem"
      metaWidth="18rem"
      gridClass={layout.detailGrid}
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
