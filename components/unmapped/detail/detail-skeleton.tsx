import { Skeleton } from "@/components/ui/skeleton";
import layout from "@/components/layout/detail-layout.module.css";

export function DetailSkeleton() {
  return (
    <div className={layout.detailPage} role="status" aria-busy="true" aria-label="Loading the market">
      <div className={layout.detailHeader}>
        <Skeleton width="12rem" />
        <Skeleton width="26rem" height="1.6rem" className="skeleton-title" />
        <Skeleton width="18rem" />
      </div>
      <div className={layout.detailGrid}>
        <div className="stack">
          {[5, 7, 3].map((rows, i) => (
            <div key={i} className="card">
              <div className="card-header">
                <Skeleton width="10rem" />
              </div>
              <div className="card-body stack-tight">
                {Array.from({ length: rows }, (_, r) => (
                  <Skeleton key={r} width={`${60 + ((r * 13) % 35)}%`} />
                ))}
              </div>
            </div>
          ))}
        </div>
        <div className="stack">
          <div className="card">
            <div className="card-body stack-tight">
              <Skeleton width="8rem" />
              <Skeleton width="100%" height="2rem" />
              <Skeleton width="100%" height="6rem" />
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
