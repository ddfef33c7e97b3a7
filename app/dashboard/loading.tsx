import { Skeleton } from "@/components/ui/skeleton";
import { cx } from "@/components/ui/cx";
import layout from "@/components/layout/detail-layout.module.css";

export default function Loading() {
  return (
    <div className={cx(layout.detailPage, "stack")} role="status" aria-label="Loading the dashboard">
      <Skeleton width="12rem" height="1.4rem" />
      <Skeleton width="100%" height="5.5rem" />
      <Skeleton width="100%" height="16rem" />
      <Skeleton width="100%" height="16rem" />
    </div>
  );
}
